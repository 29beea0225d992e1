-- A scenario in US dollars at a rate other than 1 showed every figure
-- multiplied and labelled dollars (its exports and forecasts too). Validation
-- now refuses the pair (`display.per_usd` must be 1 for USD), and a stored
-- revision is validated again on every read: so the stored ones are set to
-- 1, their figures in dollars as the label says.
UPDATE scenario_revisions
SET input_json = json_set(input_json, '$.display.per_usd', 1.0)
WHERE json_extract(input_json, '$.display.currency') = 'USD'
  AND json_type(input_json, '$.display.per_usd') IN ('integer', 'real')
  AND json_extract(input_json, '$.display.per_usd') <> 1;

-- Scenarios and their immutable revisions. A scenario row is the share link
-- (`id`) plus the hash of its edit token; every save appends a revision and moves
-- `latest_revision`. Results are never stored: they are recomputed from
-- `input_json` so a model fix reaches every saved scenario.
CREATE TABLE scenarios (
    id               TEXT    NOT NULL PRIMARY KEY,
    edit_token_hash  BLOB    NOT NULL,
    latest_revision  INTEGER NOT NULL CHECK (latest_revision >= 1),
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
) STRICT;

CREATE TABLE scenario_revisions (
    scenario_id    TEXT    NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    revision       INTEGER NOT NULL CHECK (revision >= 1),
    name           TEXT    NOT NULL,
    input_json     TEXT    NOT NULL,
    model_version  TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    PRIMARY KEY (scenario_id, revision)
) STRICT;

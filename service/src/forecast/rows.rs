//! The forecast's rows of one saved scenario: per option, each month's categories
//! in `CostCategory::ALL` order with `workers` split into one row per node pool
//! (in fleet order), zero rows left out; then the option's one-off row.

use clusterplan_model::{
    CostCategory, MODEL_VERSION, MonthlyCost, OptionName, PoolCosts, Scenario, calculate,
    monthly_costs, pool_costs,
};

use super::charges::{self, Charge};
use super::{Currency, ForecastParams, ForecastRow, YearMonth};
use crate::{ScenarioDocument, ServiceError};

/// What `doc`'s forecast rows are made from: per option its monthly costs and
/// its pools', at the scenario's prices and at list prices, and its one-off.
/// Small (floats and names) and owned: the answer makes the rows from it a month
/// at a time as it is sent, so a 120-month fleet of 200 pools never holds its
/// 50,000 rows (47 MB of JSON) at once.
#[derive(Clone, Debug)]
pub struct Plan {
    id: String,
    name: String,
    currency: Currency,
    start: YearMonth,
    options: Vec<OptionPlan>,
}

/// One option's part of a [`Plan`].
#[derive(Clone, Debug)]
struct OptionPlan {
    option: OptionName,
    months: Vec<MonthlyCost>,
    list_months: Vec<MonthlyCost>,
    pools: Vec<PoolCosts>,
    list_pools: Vec<PoolCosts>,
    one_off: (f64, f64),
}

/// The plan of `doc`'s forecast.
pub(super) fn plan(doc: &ScenarioDocument, params: &ForecastParams) -> Result<Plan, ServiceError> {
    let invalid = |errors: clusterplan_model::ValidationErrors| ServiceError::StoredInputInvalid {
        id: doc.id.clone(),
        reason: errors.to_string(),
    };
    let scenario = Scenario::try_from(doc.result.inputs.clone()).map_err(invalid)?;
    // List prices: no commitment discount, no Spot, no simulation.
    let list = Scenario::try_from(scenario.input().at_list_prices()).map_err(invalid)?;
    let currency = params
        .currency
        .clone()
        .unwrap_or_else(|| Currency::of(&scenario.input().display));
    let list_result = calculate(&list);
    let options = OptionName::ALL
        .into_iter()
        .map(|option| OptionPlan {
            option,
            months: monthly_costs(&scenario, option),
            list_months: monthly_costs(&list, option),
            // List prices change no pool's size, so both lists hold the same pools.
            pools: pool_costs(&scenario, option),
            list_pools: pool_costs(&list, option),
            one_off: (
                doc.result.options.get(option).one_off,
                list_result.options.get(option).one_off,
            ),
        })
        .collect();
    Ok(Plan {
        id: doc.id.clone(),
        name: doc.name.clone(),
        currency,
        start: params.start,
        options,
    })
}

impl Plan {
    /// The rows in order, a few hundred at a time: each option's months, each
    /// month's categories in `CostCategory::ALL` order with `workers` split per
    /// pool (zero rows left out), then the option's one-off row.
    pub fn chunks(self) -> impl Iterator<Item = Vec<ForecastRow>> + Send + 'static {
        let plan = std::sync::Arc::new(self);
        (0..plan.options.len()).flat_map(move |option| {
            let plan = std::sync::Arc::clone(&plan);
            // One past the last month: the one-off row.
            (0..=plan.options[option].months.len()).map(move |month| plan.chunk(option, month))
        })
    }

    /// Every row at once (tests, and the command-line example).
    pub fn rows(self) -> Vec<ForecastRow> {
        self.chunks().flatten().collect()
    }

    /// Option `option`'s rows of month `index`, or its one-off row one past its
    /// last month.
    fn chunk(&self, option: usize, index: usize) -> Vec<ForecastRow> {
        let plan = &self.options[option];
        let context = RowContext {
            plan: self,
            option: plan.option,
        };
        let (Some(month), Some(list_month)) = (plan.months.get(index), plan.list_months.get(index))
        else {
            return vec![context.one_off(plan.one_off)];
        };
        let mut rows = Vec::new();
        for category in CostCategory::ALL {
            if category == CostCategory::Workers {
                for (pool, list_pool) in plan.pools.iter().zip(&plan.list_pools) {
                    let at = |p: &PoolCosts| p.workers.get(index).copied().unwrap_or(0.0);
                    let money = (at(pool), at(list_pool));
                    if money != (0.0, 0.0) {
                        rows.push(context.pool(index, pool, money));
                    }
                }
                continue;
            }
            let money = (month.get(category), list_month.get(category));
            if money != (0.0, 0.0) {
                rows.push(context.usage(index, category, money));
            }
        }
        rows
    }
}

/// What every row of one option shares.
struct RowContext<'a> {
    plan: &'a Plan,
    option: OptionName,
}

impl RowContext<'_> {
    /// The row of a category that is not split per pool, in month `index`.
    fn usage(&self, index: usize, category: CostCategory, money: (f64, f64)) -> ForecastRow {
        let description = format!(
            "{}: {}, month {}",
            self.option.label(),
            category.label(),
            index + 1
        );
        let charge = charges::monthly(self.option, category);
        self.row(index, charge, category.key(), money, description)
    }

    /// One pool's `workers` row in month `index`.
    fn pool(&self, index: usize, pool: &PoolCosts, money: (f64, f64)) -> ForecastRow {
        let charge = charges::workers(self.option, pool.compute);
        let description = format!(
            "{}: {}, {} / {} on {}, month {}",
            self.option.label(),
            CostCategory::Workers.label(),
            pool.group,
            pool.pool,
            charge.service,
            index + 1
        );
        let key = CostCategory::Workers.key();
        let mut row = self.row(index, charge, key, money, description);
        row.x_Group = Some(pool.group.clone());
        row.x_Pool = Some(pool.pool.clone());
        row
    }

    /// The option's one-off cost, at the start month.
    fn one_off(&self, money: (f64, f64)) -> ForecastRow {
        let description = format!("{}: one-off costs (migration, setup)", self.option.label());
        let mut row = self.row(0, charges::ONE_OFF, "one_off", money, description);
        // One lump sum, not a month of something.
        row.PricingUnit = "Unit".into();
        row
    }

    fn row(
        &self,
        index: usize,
        charge: Charge,
        category: &str,
        (cost, list): (f64, f64),
        description: String,
    ) -> ForecastRow {
        let rate = self.plan.currency.per_usd;
        let month = self.plan.start.plus(index);
        let (start, end) = (month.start_instant(), month.plus(1).start_instant());
        ForecastRow {
            BillingAccountId: self.plan.id.clone(),
            BillingAccountName: self.plan.name.clone(),
            BillingCurrency: self.plan.currency.code.clone(),
            BillingPeriodStart: start.clone(),
            BillingPeriodEnd: end.clone(),
            ChargePeriodStart: start,
            ChargePeriodEnd: end,
            BilledCost: cost * rate,
            EffectiveCost: cost * rate,
            ContractedCost: cost * rate,
            ListCost: list * rate,
            ChargeCategory: "Usage".into(),
            ChargeClass: None,
            ChargeDescription: description,
            ChargeFrequency: charge.frequency.into(),
            InvoiceId: None,
            InvoiceIssuerName: charge.issuer.into(),
            ProviderName: charge.issuer.into(),
            PublisherName: charge.issuer.into(),
            PricingQuantity: 1.0,
            PricingUnit: "Month".into(),
            ServiceCategory: charge.category.into(),
            ServiceName: charge.service.into(),
            ServiceSubcategory: charge.subcategory.into(),
            x_Option: self.option.key().into(),
            x_Category: category.into(),
            x_Group: None,
            x_Pool: None,
            x_MonthIndex: u32::try_from(index).unwrap_or(u32::MAX),
            x_ModelVersion: MODEL_VERSION.into(),
            x_Projection: true,
        }
    }
}

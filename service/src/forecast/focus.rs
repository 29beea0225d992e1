//! One forecast row with FOCUS 1.2 column names, and what each cost category
//! is in FOCUS terms (who invoices it, its service and service category).

#![allow(non_snake_case)] // The fields are FOCUS's column names, as specified.

use clusterplan_model::{CostCategory, MODEL_VERSION, OptionName};
use serde::Serialize;
use utoipa::ToSchema;

use super::{Currency, YearMonth};
use crate::ScenarioDocument;
use crate::csv::{number, text};

/// The CSV header: FOCUS columns, then the `x_` extension columns.
pub const COLUMNS: [&str; 26] = [
    "BillingAccountId",
    "BillingAccountName",
    "BillingCurrency",
    "BillingPeriodStart",
    "BillingPeriodEnd",
    "ChargePeriodStart",
    "ChargePeriodEnd",
    "BilledCost",
    "EffectiveCost",
    "ContractedCost",
    "ListCost",
    "ChargeCategory",
    "ChargeClass",
    "ChargeDescription",
    "InvoiceIssuerName",
    "ProviderName",
    "PublisherName",
    "PricingQuantity",
    "PricingUnit",
    "ServiceCategory",
    "ServiceName",
    "x_Option",
    "x_Category",
    "x_MonthIndex",
    "x_ModelVersion",
    "x_Projection",
];

/// One projected charge. Money is in `BillingCurrency`.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct ForecastRow {
    /// The scenario's id.
    pub BillingAccountId: String,
    /// The scenario's name.
    pub BillingAccountName: String,
    /// ISO 4217 code of every amount in the row.
    pub BillingCurrency: String,
    /// The month's first instant, ISO 8601 UTC.
    pub BillingPeriodStart: String,
    /// The next month's first instant (exclusive end).
    pub BillingPeriodEnd: String,
    /// As `BillingPeriodStart`.
    pub ChargePeriodStart: String,
    /// As `BillingPeriodEnd`.
    pub ChargePeriodEnd: String,
    /// The model's figure.
    pub BilledCost: f64,
    /// The model's figure.
    pub EffectiveCost: f64,
    /// The model's figure.
    pub ContractedCost: f64,
    /// The figure with no commitment discount and no Spot.
    pub ListCost: f64,
    /// `Usage` (monthly) or `Purchase` (the one-off).
    pub ChargeCategory: String,
    /// Always empty: no corrections in a projection.
    pub ChargeClass: String,
    /// Option, category and month, for people.
    pub ChargeDescription: String,
    /// Who would invoice it (`Amazon Web Services`, or `Internal` for people).
    pub InvoiceIssuerName: String,
    /// Who would provide it.
    pub ProviderName: String,
    /// Who would publish the service.
    pub PublisherName: String,
    /// One month (or one purchase).
    pub PricingQuantity: f64,
    /// `Month` or `Purchase`.
    pub PricingUnit: String,
    /// FOCUS service category (`Compute`, `Storage`, `Networking`, `Other`).
    pub ServiceCategory: String,
    /// The service (`Amazon Elastic Kubernetes Service`, …).
    pub ServiceName: String,
    /// `eks` or `self_hosted`.
    pub x_Option: String,
    /// The cost category key (`workers`, …), or `one_off`.
    pub x_Category: String,
    /// Months since the start month (0-based).
    pub x_MonthIndex: u32,
    /// The model version that computed it.
    pub x_ModelVersion: String,
    /// Always true: a projection, not a bill.
    pub x_Projection: bool,
}

const AWS: &str = "Amazon Web Services";
const INTERNAL: &str = "Internal";

/// `(issuer and provider, service category, service name)` of a category.
fn service(
    option: OptionName,
    category: CostCategory,
) -> (&'static str, &'static str, &'static str) {
    match (option, category) {
        (OptionName::Eks, CostCategory::ControlPlane | CostCategory::NodeManagement) => {
            (AWS, "Compute", "Amazon Elastic Kubernetes Service")
        }
        (_, CostCategory::ControlPlane | CostCategory::Workers | CostCategory::NodeManagement) => {
            (AWS, "Compute", "Amazon Elastic Compute Cloud")
        }
        (_, CostCategory::Storage) => (AWS, "Storage", "Amazon Elastic Block Store"),
        (_, CostCategory::LoadBalancers) => (AWS, "Networking", "Elastic Load Balancing"),
        (_, CostCategory::Engineering) => (INTERNAL, "Other", "Platform engineering"),
        (_, CostCategory::OnCall) => (INTERNAL, "Other", "On-call"),
        (_, CostCategory::LineItems) => ("Various", "Other", "Line items"),
    }
}

/// What every row of one option shares.
pub(super) struct RowContext<'a> {
    pub doc: &'a ScenarioDocument,
    pub option: OptionName,
    pub currency: &'a Currency,
}

impl RowContext<'_> {
    /// The `Usage` row of `category` in month `index` after `start`.
    pub fn usage(
        &self,
        start: YearMonth,
        index: usize,
        category: CostCategory,
        cost: f64,
        list: f64,
    ) -> ForecastRow {
        let description = format!(
            "{}: {}, month {}",
            self.option.label(),
            category.label(),
            index + 1
        );
        let (issuer, service_category, service_name) = service(self.option, category);
        self.row(
            start.plus(index),
            index,
            [issuer, service_category, service_name],
            category.key(),
            (cost, list),
            ("Usage", "Month", description),
        )
    }

    /// The `Purchase` row of the option's one-off cost, at `start`.
    pub fn purchase(&self, start: YearMonth, cost: f64, list: f64) -> ForecastRow {
        let description = format!("{}: one-off costs (migration, setup)", self.option.label());
        self.row(
            start,
            0,
            [INTERNAL, "Other", "One-off costs"],
            "one_off",
            (cost, list),
            ("Purchase", "Purchase", description),
        )
    }

    fn row(
        &self,
        month: YearMonth,
        index: usize,
        [issuer, service_category, service_name]: [&str; 3],
        category: &str,
        (cost, list): (f64, f64),
        (charge, unit, description): (&str, &str, String),
    ) -> ForecastRow {
        let rate = self.currency.per_usd;
        let (start, end) = (month.start_instant(), month.plus(1).start_instant());
        ForecastRow {
            BillingAccountId: self.doc.id.clone(),
            BillingAccountName: self.doc.name.clone(),
            BillingCurrency: self.currency.code.clone(),
            BillingPeriodStart: start.clone(),
            BillingPeriodEnd: end.clone(),
            ChargePeriodStart: start,
            ChargePeriodEnd: end,
            BilledCost: cost * rate,
            EffectiveCost: cost * rate,
            ContractedCost: cost * rate,
            ListCost: list * rate,
            ChargeCategory: charge.into(),
            ChargeClass: String::new(),
            ChargeDescription: description,
            InvoiceIssuerName: issuer.into(),
            ProviderName: issuer.into(),
            PublisherName: issuer.into(),
            PricingQuantity: 1.0,
            PricingUnit: unit.into(),
            ServiceCategory: service_category.into(),
            ServiceName: service_name.into(),
            x_Option: self.option.key().into(),
            x_Category: category.into(),
            x_MonthIndex: u32::try_from(index).unwrap_or(u32::MAX),
            x_ModelVersion: MODEL_VERSION.into(),
            x_Projection: true,
        }
    }
}

impl ForecastRow {
    /// The CSV cells, in [`COLUMNS`] order.
    pub fn cells(&self) -> Vec<String> {
        vec![
            text(&self.BillingAccountId),
            text(&self.BillingAccountName),
            text(&self.BillingCurrency),
            text(&self.BillingPeriodStart),
            text(&self.BillingPeriodEnd),
            text(&self.ChargePeriodStart),
            text(&self.ChargePeriodEnd),
            number(self.BilledCost),
            number(self.EffectiveCost),
            number(self.ContractedCost),
            number(self.ListCost),
            text(&self.ChargeCategory),
            text(&self.ChargeClass),
            text(&self.ChargeDescription),
            text(&self.InvoiceIssuerName),
            text(&self.ProviderName),
            text(&self.PublisherName),
            number(self.PricingQuantity),
            text(&self.PricingUnit),
            text(&self.ServiceCategory),
            text(&self.ServiceName),
            text(&self.x_Option),
            text(&self.x_Category),
            self.x_MonthIndex.to_string(),
            text(&self.x_ModelVersion),
            self.x_Projection.to_string(),
        ]
    }
}

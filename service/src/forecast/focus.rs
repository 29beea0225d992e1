//! One forecast row with FOCUS 1.2 column names, and its CSV cells. What each
//! column holds is stated once, in docs/DECISIONS.md › Finance tooling › Forecast.

#![allow(non_snake_case)] // The fields are FOCUS's column names, as specified.

use serde::Serialize;
use utoipa::ToSchema;

use crate::csv::text;

/// The CSV header: FOCUS columns, then the `x_` extension columns.
pub const COLUMNS: [&str; 31] = [
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
    "ChargeFrequency",
    "InvoiceId",
    "InvoiceIssuerName",
    "ProviderName",
    "PublisherName",
    "PricingQuantity",
    "PricingUnit",
    "ServiceCategory",
    "ServiceName",
    "ServiceSubcategory",
    "x_Option",
    "x_Category",
    "x_Group",
    "x_Pool",
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
    /// The model's figure (no row is a prepayment to spread over others).
    pub EffectiveCost: f64,
    /// The model's figure.
    pub ContractedCost: f64,
    /// The figure with no commitment discount and no Spot.
    pub ListCost: f64,
    /// Always `Usage`: consumption of a service, the one-off included.
    pub ChargeCategory: String,
    /// Always null: a projection corrects no earlier bill.
    pub ChargeClass: Option<String>,
    /// Option, category, pool and month, for people.
    pub ChargeDescription: String,
    /// `Usage-Based`, `Recurring` (on-call, line items) or `One-Time` (the one-off).
    pub ChargeFrequency: String,
    /// Always null: a projection is on no invoice.
    pub InvoiceId: Option<String>,
    /// Who would invoice it (`Amazon Web Services`, `Internal` for people, `Various`
    /// for line items).
    pub InvoiceIssuerName: String,
    /// Who would provide it.
    pub ProviderName: String,
    /// Who would publish the service.
    pub PublisherName: String,
    /// Always 1: one month (or the one-off).
    pub PricingQuantity: f64,
    /// `Month`, or `Unit` for the one-off.
    pub PricingUnit: String,
    /// FOCUS service category (`Compute`, `Storage`, `Networking`, `Other`).
    pub ServiceCategory: String,
    /// The service (`Amazon Elastic Compute Cloud`, `AWS Fargate`, …).
    pub ServiceName: String,
    /// FOCUS service subcategory (`Virtual Machines`, `Serverless Compute`, …).
    pub ServiceSubcategory: String,
    /// `eks` or `self_hosted`.
    pub x_Option: String,
    /// The cost category key (`workers`, …), or `one_off`.
    pub x_Category: String,
    /// The cluster group of a `workers` row (`Fleet` without a fleet); null otherwise.
    pub x_Group: Option<String>,
    /// The node pool of a `workers` row (`Workers` without a fleet); null otherwise.
    pub x_Pool: Option<String>,
    /// Months since the start month (0-based).
    pub x_MonthIndex: u32,
    /// The model version that computed it.
    pub x_ModelVersion: String,
    /// Always true: a projection, not a bill.
    pub x_Projection: bool,
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
            decimal(self.BilledCost),
            decimal(self.EffectiveCost),
            decimal(self.ContractedCost),
            decimal(self.ListCost),
            text(&self.ChargeCategory),
            null_or_text(self.ChargeClass.as_deref()),
            text(&self.ChargeDescription),
            text(&self.ChargeFrequency),
            null_or_text(self.InvoiceId.as_deref()),
            text(&self.InvoiceIssuerName),
            text(&self.ProviderName),
            text(&self.PublisherName),
            decimal(self.PricingQuantity),
            text(&self.PricingUnit),
            text(&self.ServiceCategory),
            text(&self.ServiceName),
            text(&self.ServiceSubcategory),
            text(&self.x_Option),
            text(&self.x_Category),
            null_or_text(self.x_Group.as_deref()),
            null_or_text(self.x_Pool.as_deref()),
            self.x_MonthIndex.to_string(),
            text(&self.x_ModelVersion),
            self.x_Projection.to_string(),
        ]
    }
}

/// A Decimal cell: always with a decimal point, so that a reader inferring
/// column types from the text (the FOCUS validator does) never reads a column
/// whose values happen to be whole, such as `PricingQuantity`'s 1, as integers.
fn decimal(value: f64) -> String {
    let text = value.to_string();
    match value.is_finite() && !text.contains('.') {
        true => format!("{text}.0"),
        false => text,
    }
}

/// Null is an empty, unquoted cell; `""` would be an empty string, which FOCUS
/// tells apart from null.
fn null_or_text(value: Option<&str>) -> String {
    value.map(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_always_have_a_point_and_nulls_are_empty_cells() {
        assert_eq!(decimal(1.0), "1.0");
        assert_eq!(decimal(-3.0), "-3.0");
        assert_eq!(decimal(0.0), "0.0");
        assert_eq!(decimal(9308.7264), "9308.7264");
        assert_eq!(decimal(1e21), "1000000000000000000000.0");
        assert_eq!(null_or_text(None), "");
        assert_eq!(null_or_text(Some("")), "\"\"");
        assert_eq!(null_or_text(Some("batch")), "\"batch\"");
    }
}

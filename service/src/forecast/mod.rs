//! The monthly forecast of a saved scenario as FOCUS 1.2 rows (FinOps Open Cost
//! and Usage Specification), so a cost platform can load the projection beside
//! real bills: one row per option × month × monthly category, `workers` split
//! per node pool (zero rows left out), and one `One-Time` row per option for its
//! one-off at the start month. An option's `BilledCost` sums to its
//! `horizon_total` × `per_usd`.

mod charges;
mod focus;
mod query;
mod rows;
#[cfg(test)]
mod tests;

pub use focus::{COLUMNS, ForecastRow};
pub use query::{Currency, YearMonth};
pub use rows::Plan;

use serde::Deserialize;
use utoipa::IntoParams;

use crate::json_out::write_json;
use crate::{Service, ServiceError};

/// The forecast's query parameters, as sent. Another parameter is refused
/// (400 naming it), as on `/catalog`: a misspelt `start` would otherwise
/// answer a forecast from the current month without a word.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ForecastQuery {
    /// First month, `YYYY-MM` (years 2000 to 9989); the current month (UTC)
    /// when omitted.
    // Years 2000 to 9989 (`query::last_start_year`, checked by a test there).
    #[param(
        pattern = r"^([2-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9])-(0[1-9]|1[0-2])$",
        example = "2027-01"
    )]
    pub start: Option<String>,
    /// ISO 4217 code to show money in: three capital letters. Send it with
    /// `per_usd` or not at all (either one alone is a 422); without both, the
    /// scenario's display currency.
    #[param(pattern = r"^[A-Z]{3}$", example = "EUR")]
    pub currency: Option<String>,
    /// Units of `currency` per USD: above 0, at most 1000000. Send it with
    /// `currency` or not at all (either one alone is a 422).
    // A string here, so that a bad rate is a 422 naming it, not a 400 from the
    // query's deserializer; the document states the number it must be.
    #[param(value_type = Option<f64>, exclusive_minimum = 0, maximum = 1000000, example = 0.92)]
    pub per_usd: Option<String>,
}

/// The parameters, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct ForecastParams {
    /// The first month.
    pub start: YearMonth,
    /// Whether `start` came from the query (else it is the current month).
    pub start_given: bool,
    /// The money's currency; `None`: the scenario's display currency.
    pub currency: Option<Currency>,
}

impl ForecastParams {
    /// Checks every parameter; each error names its parameter.
    pub fn parse(query: &ForecastQuery) -> Result<Self, ServiceError> {
        let mut errors = Vec::new();
        let start = match query.start.as_deref() {
            Some(text) => YearMonth::parse(text).map_err(|e| errors.push(e)).ok(),
            None => Some(YearMonth::now()),
        };
        let currency = match (query.currency.as_deref(), query.per_usd.as_deref()) {
            (None, None) => Some(None),
            (Some(code), Some(rate)) => Currency::parse(code, rate, "")
                .map(Some)
                .map_err(|e| errors.extend(e))
                .ok(),
            (Some(_), None) => {
                errors.push(clusterplan_model::FieldError::new(
                    "per_usd",
                    "is required with currency",
                ));
                None
            }
            (None, Some(_)) => {
                errors.push(clusterplan_model::FieldError::new(
                    "currency",
                    "is required with per_usd",
                ));
                None
            }
        };
        match (start, currency) {
            (Some(start), Some(currency)) if errors.is_empty() => Ok(Self {
                start,
                start_given: query.start.is_some(),
                currency,
            }),
            _ => Err(ServiceError::Invalid(errors)),
        }
    }

    /// What shapes the rows besides the revision, for an ETag.
    pub fn variant(&self) -> String {
        match &self.currency {
            Some(currency) => format!("{}.{}.{}", self.start, currency.code, currency.per_usd),
            // The scenario's display is part of its input: the revision covers it.
            None => format!("{}.display", self.start),
        }
    }
}

/// A scenario's forecast.
#[derive(Clone, Debug)]
pub struct Forecast {
    /// The revision it was made from.
    pub revision: i64,
    /// What its rows are made from, option by option, month by month.
    pub plan: Plan,
}

/// See [`Service::forecast`].
pub(crate) async fn forecast(
    service: &Service,
    id: &str,
    params: &ForecastParams,
) -> Result<Forecast, ServiceError> {
    let doc = crate::scenarios::get(service, id).await?;
    Ok(Forecast {
        revision: doc.revision,
        plan: rows::plan(&doc, params)?,
    })
}

/// The rows as CSV (FOCUS column names; text quoted and defused as in the export).
pub fn to_csv(rows: &[ForecastRow]) -> String {
    csv_chunks(std::iter::once(rows.to_vec())).collect()
}

/// The CSV a chunk of rows at a time: the header line, then each chunk's lines.
pub fn csv_chunks(chunks: impl Iterator<Item = Vec<ForecastRow>>) -> impl Iterator<Item = String> {
    let header = format!("{}\r\n", COLUMNS.join(","));
    std::iter::once(header).chain(chunks.map(|rows| {
        let mut out = String::new();
        for row in rows {
            out.push_str(&row.cells().join(","));
            out.push_str("\r\n");
        }
        out
    }))
}

/// The JSON array of the rows, a chunk of rows at a time.
pub fn json_chunks(
    chunks: impl Iterator<Item = Vec<ForecastRow>>,
) -> impl Iterator<Item = Vec<u8>> {
    let mut first = true;
    let rows = chunks.map(move |rows| {
        let mut out = Vec::new();
        for row in rows {
            if !std::mem::take(&mut first) {
                out.push(b',');
            }
            write_json(&mut out, &row);
        }
        out
    });
    std::iter::once(b"[".to_vec())
        .chain(rows)
        .chain(std::iter::once(b"]".to_vec()))
}

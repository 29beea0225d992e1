//! The forecast's parameters, parsed once: the start month and the currency.
//! Every error names its query parameter.

use clusterplan_model::FieldError;

/// A calendar month, `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearMonth {
    /// Months since year 0 (`year * 12 + month - 1`), so adding months is adding.
    index: i64,
}

impl YearMonth {
    /// Parses `YYYY-MM`, years 2000 to [`last_start_year`] (a forecast of the
    /// longest horizon must end by 9999-12: FOCUS dates have four-digit years).
    pub fn parse(text: &str) -> Result<Self, FieldError> {
        let invalid = || FieldError::new("start", format!("{text:?} is not a month as YYYY-MM"));
        let (year, month) = text.split_once('-').ok_or_else(invalid)?;
        // Digits only: `i64::from_str` would also take a sign ("2027-+1").
        let digits =
            |part: &str, len| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) || !digits(month, 2) {
            return Err(invalid());
        }
        let year: i64 = year.parse().map_err(|_| invalid())?;
        let month: i64 = month.parse().map_err(|_| invalid())?;
        if !(1..=12).contains(&month) {
            return Err(invalid());
        }
        let last = last_start_year();
        if !(2000..=last).contains(&year) {
            return Err(FieldError::new(
                "start",
                format!("{text:?}: the year must be 2000 to {last}"),
            ));
        }
        Ok(Self {
            index: year * 12 + month - 1,
        })
    }

    /// The current month, UTC.
    pub fn now() -> Self {
        let today = time::OffsetDateTime::now_utc();
        Self {
            index: i64::from(today.year()) * 12 + i64::from(u8::from(today.month())) - 1,
        }
    }

    /// The month `months` after this one.
    pub fn plus(self, months: usize) -> Self {
        Self {
            index: self.index + i64::try_from(months).unwrap_or(0),
        }
    }

    /// `2027-01-01T00:00:00Z`: the month's first instant (ISO 8601, UTC).
    pub fn start_instant(self) -> String {
        format!("{self}-01T00:00:00Z")
    }
}

/// The last year a forecast may start in: its longest horizon
/// (`horizon_months`' maximum) still ends in year 9999.
pub fn last_start_year() -> i64 {
    let longest = clusterplan_model::field_spec("horizon_months")
        .and_then(|spec| spec.maximum)
        .unwrap_or(120.0);
    9999 - (longest / 12.0).ceil() as i64
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.index / 12, self.index % 12 + 1)
    }
}

/// The currency money is shown in: an ISO 4217 code and units per USD.
#[derive(Clone, Debug, PartialEq)]
pub struct Currency {
    /// Three capital letters, e.g. `EUR`.
    pub code: String,
    /// Units of the currency per USD, above 0 and at most 1e6.
    pub per_usd: f64,
}

impl Currency {
    /// The scenario's own display currency.
    pub fn of(display: &clusterplan_model::resolved::Display) -> Self {
        Self {
            code: display.currency.clone(),
            per_usd: display.per_usd,
        }
    }

    /// Checks a code and a rate; errors name `{prefix}currency` / `{prefix}per_usd`.
    pub fn parse(code: &str, per_usd: &str, prefix: &str) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        if !clusterplan_model::is_currency_code(code) {
            errors.push(FieldError::new(
                format!("{prefix}currency"),
                "must be an ISO 4217 code: three capital letters, such as EUR",
            ));
        }
        let rate = per_usd.trim().parse::<f64>().ok().filter(|r| r.is_finite());
        let rate = match rate {
            Some(rate) if rate > 0.0 && rate <= 1e6 => rate,
            _ => {
                errors.push(FieldError::new(
                    format!("{prefix}per_usd"),
                    "must be a number above 0 and at most 1000000 (units of the currency per USD)",
                ));
                0.0
            }
        };
        if let Some(message) = clusterplan_model::usd_rate_error(code, rate).filter(|_| rate > 0.0)
        {
            errors.push(FieldError::new(format!("{prefix}per_usd"), message));
        }
        match errors.is_empty() {
            true => Ok(Self {
                code: code.to_owned(),
                per_usd: rate,
            }),
            false => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_add_and_print() {
        let start = YearMonth::parse("2027-11").expect("valid");
        assert_eq!(start.plus(2).to_string(), "2028-01");
        assert_eq!(start.plus(2).start_instant(), "2028-01-01T00:00:00Z");
        for bad in [
            "2027-13", "2027-00", "27-01", "2027-1", "2027/01", "abcd-ef", "1999-12", "2027-+1",
            "+202-01", "9990-01", "9999-12",
        ] {
            assert_eq!(YearMonth::parse(bad).unwrap_err().field, "start", "{bad}");
        }
        // The OpenAPI pattern of `start` (forecast/mod.rs) ends at 9989 too.
        assert_eq!(last_start_year(), 9989);
        let last = YearMonth::parse("9989-12").expect("valid").plus(120);
        assert_eq!(last.start_instant(), "9999-12-01T00:00:00Z");
    }

    #[test]
    fn currencies_need_an_iso_shape_and_a_positive_rate() {
        assert_eq!(Currency::parse("EUR", "0.92", "").unwrap().per_usd, 0.92);
        let fields = |code, rate| {
            Currency::parse(code, rate, "")
                .unwrap_err()
                .into_iter()
                .map(|e| e.field)
                .collect::<Vec<_>>()
        };
        assert_eq!(fields("eur", "1"), ["currency"]);
        assert_eq!(fields("EURO", "0"), ["currency", "per_usd"]);
        assert_eq!(fields("EUR", "-1"), ["per_usd"]);
        assert_eq!(fields("EUR", "1e7"), ["per_usd"]);
        assert_eq!(fields("EUR", "NaN"), ["per_usd"]);
    }
}

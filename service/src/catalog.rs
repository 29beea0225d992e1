//! `GET /api/v1/catalog`: the built-in instance catalog, filtered and paged.
//!
//! The types are sorted by name, so a page's *cursor* is the name of the last
//! type it holds, and the next page starts after it: pages stay put however the
//! filters are set, and a cursor costs no state on the server.

use clusterplan_model::{Catalog, FieldError, InstanceType, catalog, field_specs};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use crate::{CatalogDocument, ServiceError};

/// Types per page unless `limit` says otherwise, and the most one page holds.
pub const DEFAULT_LIMIT: usize = 100;
/// See [`DEFAULT_LIMIT`].
pub const MAX_LIMIT: usize = 500;

/// The catalog's query parameters, as sent (checked by [`CatalogFilter::parse`],
/// so each error names its parameter).
#[derive(Clone, Debug, Default, Deserialize, Serialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CatalogQuery {
    /// Part of the type's name, any case, e.g. `xlarge` or `M7G`.
    pub q: Option<String>,
    /// Instance family, exactly (any case), e.g. `m6i`.
    pub family: Option<String>,
    /// CPU architecture: `amd64` or `arm64` (any case).
    #[param(pattern = "^([Aa][Mm][Dd]|[Aa][Rr][Mm])64$")]
    pub arch: Option<String>,
    // The numbers and the flag are strings here, so that a bad one is a 422
    // naming it, not a 400 from the query's deserializer; the document states
    // what each must be.
    /// Fewest vCPUs (whole number).
    #[param(value_type = Option<i64>, minimum = 0, maximum = 4294967295.0)]
    pub min_vcpu: Option<String>,
    /// Most vCPUs (whole number).
    #[param(value_type = Option<i64>, minimum = 0, maximum = 4294967295.0)]
    pub max_vcpu: Option<String>,
    /// Least memory, GiB.
    #[param(value_type = Option<f64>, minimum = 0)]
    pub min_memory_gib: Option<String>,
    /// `true`: only types with GPUs; `false`: only types without.
    #[param(value_type = Option<bool>)]
    pub gpu: Option<String>,
    /// Types per page, 1 to 500; default 100.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500)]
    pub limit: Option<String>,
    /// Where the page starts: the `next_cursor` of the page before (opaque).
    #[param(pattern = r"^[a-z0-9-]+\.[a-z0-9-]+$")]
    pub cursor: Option<String>,
}

impl CatalogQuery {
    /// The parameters of a page's GET form (`q=m7g&min_vcpu=&arch=`), read as
    /// the API reads its query, except that a blank box is no filter: a form
    /// sends every box, filled or not. The error (an unknown or repeated
    /// parameter, which the API answers with a 400) names the parameter.
    pub fn from_form(query: &str) -> Result<Self, String> {
        let mut query: Self = serde_urlencoded::from_str(query).map_err(|e| e.to_string())?;
        for value in [
            &mut query.q,
            &mut query.family,
            &mut query.arch,
            &mut query.min_vcpu,
            &mut query.max_vcpu,
            &mut query.min_memory_gib,
            &mut query.gpu,
            &mut query.limit,
            &mut query.cursor,
        ] {
            if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
                *value = None;
            }
        }
        Ok(query)
    }

    /// The query string that asks for this query again (`q=m7g&min_vcpu=4`),
    /// without the parameters it does not set: a page's links to other pages.
    pub fn to_query(&self) -> String {
        // serde_urlencoded writes no pair for a `None`.
        serde_urlencoded::to_string(self).unwrap_or_default()
    }
}

/// The parameters, checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CatalogFilter {
    q: Option<String>,
    family: Option<String>,
    arch: Option<String>,
    min_vcpu: Option<u32>,
    max_vcpu: Option<u32>,
    min_memory_gib: Option<f64>,
    gpu: Option<bool>,
    limit: usize,
    after: Option<String>,
}

fn number<T: std::str::FromStr>(
    name: &str,
    text: Option<&str>,
    what: &str,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    let text = text?;
    let parsed = text.trim().parse().ok();
    if parsed.is_none() {
        errors.push(FieldError::new(name, format!("{text:?} is not {what}")));
    }
    parsed
}

impl CatalogFilter {
    /// Checks every parameter; each error names its parameter.
    pub fn parse(query: &CatalogQuery) -> Result<Self, ServiceError> {
        let mut errors = Vec::new();
        let whole = "a whole number of vCPUs (0 or more)";
        let min_vcpu = number("min_vcpu", query.min_vcpu.as_deref(), whole, &mut errors);
        let max_vcpu = number("max_vcpu", query.max_vcpu.as_deref(), whole, &mut errors);
        let memory = query.min_memory_gib.as_deref();
        let min_memory_gib = number::<f64>("min_memory_gib", memory, "a number", &mut errors)
            .filter(|gib| {
                let ok = gib.is_finite() && *gib >= 0.0;
                if !ok {
                    errors.push(FieldError::new("min_memory_gib", "must be 0 or more"));
                }
                ok
            });
        let gpu = number::<bool>("gpu", query.gpu.as_deref(), "true or false", &mut errors);
        let limit = match number::<usize>(
            "limit",
            query.limit.as_deref(),
            "a whole number",
            &mut errors,
        ) {
            Some(n) if !(1..=MAX_LIMIT).contains(&n) => {
                errors.push(FieldError::new(
                    "limit",
                    format!("must be between 1 and {MAX_LIMIT}"),
                ));
                DEFAULT_LIMIT
            }
            n => n.unwrap_or(DEFAULT_LIMIT),
        };
        let arch = query.arch.as_deref().map(str::to_ascii_lowercase);
        if arch
            .as_deref()
            .is_some_and(|a| !matches!(a, "amd64" | "arm64"))
        {
            errors.push(FieldError::new("arch", "must be amd64 or arm64"));
        }
        let after = query.cursor.clone();
        if after.as_deref().is_some_and(|c| catalog().get(c).is_none()) {
            errors.push(FieldError::new(
                "cursor",
                "is not a cursor this API handed out (send the next_cursor of a page)",
            ));
        }
        if !errors.is_empty() {
            return Err(ServiceError::Invalid(errors));
        }
        Ok(Self {
            q: query.q.as_deref().map(str::to_ascii_lowercase),
            family: query.family.as_deref().map(str::to_ascii_lowercase),
            arch,
            min_vcpu,
            max_vcpu,
            min_memory_gib,
            gpu,
            limit,
            after,
        })
    }

    /// Whether `t` passes every filter (not the cursor).
    fn matches(&self, t: &InstanceType) -> bool {
        self.q
            .as_ref()
            .is_none_or(|q| t.name.to_ascii_lowercase().contains(q.as_str()))
            && self
                .family
                .as_ref()
                .is_none_or(|f| t.family.eq_ignore_ascii_case(f))
            && self.arch.as_ref().is_none_or(|a| t.arch == *a)
            && self.min_vcpu.is_none_or(|v| t.vcpu >= v)
            && self.max_vcpu.is_none_or(|v| t.vcpu <= v)
            && self.min_memory_gib.is_none_or(|m| t.memory_gib >= m)
            && self.gpu.is_none_or(|g| (t.gpus > 0) == g)
    }
}

/// The page of the catalog that `filter` asks for.
pub fn catalog_page(filter: &CatalogFilter) -> CatalogDocument {
    let full = catalog();
    let matching: Vec<&InstanceType> = full
        .instance_types
        .iter()
        .filter(|t| filter.matches(t))
        .collect();
    let start = match &filter.after {
        Some(after) => matching.partition_point(|t| t.name.as_str() <= after.as_str()),
        None => 0,
    };
    let page = &matching[start..matching.len().min(start + filter.limit)];
    let more = start + page.len() < matching.len();
    // The metadata without the full list: cloning 1,345 types to drop them is waste.
    let catalog = Catalog {
        prices_taken_on: full.prices_taken_on.clone(),
        region: full.region.clone(),
        pricing: full.pricing.clone(),
        sources: full.sources.clone(),
        control_plane_tiers: full.control_plane_tiers.clone(),
        instance_types: page.iter().map(|t| (*t).clone()).collect(),
    };
    CatalogDocument {
        next_cursor: more
            .then(|| catalog.instance_types.last().map(|t| t.name.clone()))
            .flatten(),
        catalog,
        matched: matching.len(),
        defaults: field_specs().to_vec(),
    }
}

#[cfg(test)]
mod tests;

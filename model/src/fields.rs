//! The field table: every input's default, unit, range and rationale, read from
//! `data/fields.json`. Validation, defaults and the OpenAPI schema all come from it,
//! so a range is written down exactly once.

use crate::catalog::{Catalog, catalog};
use crate::labels::field_label;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;
use utoipa::ToSchema;

/// The JSON type of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// A whole number.
    Integer,
    /// Any finite number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A string (instance type names).
    String,
    /// A nested object (`workers.custom`, `workers.workload`).
    Object,
    /// A list of objects whose members are the fields at `path[].member`.
    Array,
}

/// One input field as documented for people and enforced by validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// Dotted path, e.g. `workers.headroom_pct`.
    pub path: String,
    /// JSON type.
    pub kind: FieldKind,
    /// The default; `null` for nullable fields whose default is null and for required
    /// members of `workers.custom`.
    pub default: serde_json::Value,
    /// Whether `null` is a meaningful value (it then means "use the default").
    #[serde(default)]
    pub nullable: bool,
    /// Whether the field must be present when its parent object is (no default).
    #[serde(default)]
    pub required: bool,
    /// Unit for display, e.g. `USD/hour`.
    #[serde(default)]
    pub unit: Option<String>,
    /// Lower bound.
    #[serde(default)]
    pub minimum: Option<f64>,
    /// Upper bound.
    #[serde(default)]
    pub maximum: Option<f64>,
    /// Whether the lower bound itself is excluded.
    #[serde(default)]
    pub exclusive_minimum: bool,
    /// Whether the upper bound itself is excluded.
    #[serde(default)]
    pub exclusive_maximum: bool,
    /// The only accepted values, when the range is a set.
    #[serde(default)]
    pub allowed: Option<Vec<i64>>,
    /// For a free string: the regular expression its value matches (schema only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// The only accepted strings of a string field whose choices are not catalog
    /// names (see [`FieldSpec::choices`]).
    #[serde(default)]
    choices: Option<Vec<String>>,
    /// The accepted range in words, e.g. `0 to 200`.
    #[serde(default)]
    pub range: String,
    /// What the field means.
    pub description: String,
    /// Why the default is sane.
    pub rationale: String,
}

#[derive(Deserialize)]
struct FieldsFile {
    fields: Vec<FieldSpec>,
}

static SPECS: LazyLock<Vec<FieldSpec>> = LazyLock::new(|| {
    // `from_slice`, like every other decoder in the wasm bundle (app/src/codec.rs).
    let file: FieldsFile = serde_json::from_slice(include_bytes!("../data/fields.json"))
        .expect("the embedded data/fields.json is a valid field table");
    file.fields
        .into_iter()
        .map(|mut spec| {
            if spec.range.is_empty() {
                spec.range = spec.range_in_words();
            }
            spec
        })
        .collect()
});

/// Every input field in document order (the order of §2 of the spec).
pub fn field_specs() -> &'static [FieldSpec] {
    &SPECS
}

/// The spec of one field by dotted path.
pub fn field_spec(path: &str) -> Option<&'static FieldSpec> {
    SPECS.iter().find(|s| s.path == path)
}

/// The most items the list field `path` (`fleet`, `fleet[].pools`,
/// `line_items`, `uncertainty.ranges`) may hold: its table maximum, the one
/// place the limit is written (validation, the schema and the form read it).
///
/// # Panics
/// If `path` is not a list field with a maximum: a typo in our own code.
pub fn max_items(path: &str) -> usize {
    field_spec(path)
        .and_then(|spec| spec.maximum)
        .map(|max| max as usize)
        .unwrap_or_else(|| panic!("{path} is not a list with a maximum in fields.json"))
}

impl FieldSpec {
    /// The strings a form offers: the classic catalog types (and `custom` for
    /// workers; any catalog type is accepted), the control-plane tiers, or the
    /// table's own list (then the only accepted strings). Empty for free text.
    pub fn choices(&self) -> Vec<String> {
        let classic = || Catalog::classic_types().iter().map(|t| t.name.clone());
        match self.path.as_str() {
            "workers.instance_type" => classic().chain(["custom".to_owned()]).collect(),
            "self_hosted.control_plane_instance_type" => classic().collect(),
            "eks.control_plane_tier" => catalog()
                .control_plane_tiers
                .tiers
                .iter()
                .map(|t| t.name.clone())
                .collect(),
            _ => self.choices.clone().unwrap_or_default(),
        }
    }

    /// Whether the field names an instance type (any of the catalog's): every such
    /// path ends in `instance_type`.
    pub fn is_instance_type(&self) -> bool {
        self.path.ends_with("instance_type")
    }

    /// Whether the field takes `custom` besides the catalog's types: worker
    /// machines do (`workers`, every pool), the self-hosted control plane's do not.
    pub fn accepts_custom(&self) -> bool {
        self.is_instance_type() && !self.path.starts_with("self_hosted.")
    }

    /// The field's label in its form section, e.g. `Headroom`.
    pub fn label(&self) -> String {
        field_label(&self.path)
    }

    /// Checks a present numeric value against the range; `Some(message)` on violation.
    pub fn check(&self, value: f64) -> Option<String> {
        if !value.is_finite() {
            return Some("must be a finite number".to_owned());
        }
        if let Some(allowed) = &self.allowed {
            // Allowed sets are small integers, so the float comparison is exact.
            return (!allowed.iter().any(|&a| a as f64 == value))
                .then(|| format!("must be {}", self.range));
        }
        let too_low = self
            .minimum
            .is_some_and(|min| value < min || (self.exclusive_minimum && value == min));
        let too_high = self
            .maximum
            .is_some_and(|max| value > max || (self.exclusive_maximum && value == max));
        (too_low || too_high).then(|| self.bounds_message())
    }

    fn bounds_message(&self) -> String {
        let lo = self.minimum.map(|m| match self.exclusive_minimum {
            true => format!("greater than {}", num(m)),
            false => format!("at least {}", num(m)),
        });
        let hi = self.maximum.map(|m| match self.exclusive_maximum {
            true => format!("less than {}", num(m)),
            false => format!("at most {}", num(m)),
        });
        match (self.minimum, self.maximum, lo, hi) {
            (Some(a), Some(b), _, _) if !self.exclusive_minimum && !self.exclusive_maximum => {
                format!("must be between {} and {}", num(a), num(b))
            }
            (_, _, Some(lo), Some(hi)) => format!("must be {lo} and {hi}"),
            (_, _, Some(lo), None) => format!("must be {lo}"),
            (_, _, None, Some(hi)) => format!("must be {hi}"),
            (_, _, None, None) => "is out of range".to_owned(),
        }
    }

    fn range_in_words(&self) -> String {
        let (lo, hi) = (self.minimum.map(num), self.maximum.map(num));
        match (lo, hi, self.exclusive_minimum, self.exclusive_maximum) {
            (Some(lo), Some(hi), false, false) => format!("{lo} to {hi}"),
            (Some(lo), Some(hi), lo_ex, hi_ex) => {
                let lo = if lo_ex {
                    format!("over {lo}")
                } else {
                    format!("at least {lo}")
                };
                let hi = if hi_ex {
                    format!("under {hi}")
                } else {
                    format!("at most {hi}")
                };
                format!("{lo}, {hi}")
            }
            (Some(lo), None, true, _) => format!("over {lo}"),
            (Some(lo), None, false, _) => format!("{lo} or more"),
            (None, Some(hi), _, true) => format!("under {hi}"),
            (None, Some(hi), _, false) => format!("up to {hi}"),
            (None, None, _, _) => String::new(),
        }
    }
}

/// Whole numbers without a trailing `.0`, so messages read `between 0 and 200`.
pub(crate) fn num(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// A concrete path with its list indices dropped, as the table names it:
/// `fleet[2].pools[0].name` → `fleet[].pools[].name`.
pub fn table_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => in_index = true,
            ']' => {
                in_index = false;
                out.push_str("[]");
            }
            _ if in_index => {}
            c => out.push(c),
        }
    }
    out
}

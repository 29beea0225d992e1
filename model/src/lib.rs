//! Clusterplan's cost and capacity model: EKS versus self-hosted Kubernetes.
//!
//! Pure computation: no I/O, no clock, no threads; it compiles for wasm32 as well.
//!
//! The flow a caller follows:
//! 1. [`parse_input`] a JSON body into a [`ScenarioInput`] (a body that does not
//!    read is refused with every violation, [`parse_checked`]);
//! 2. validate it with `Scenario::try_from(input)`, which reports every violation
//!    as a [`FieldError`] with its dotted path;
//! 3. [`calculate`] the [`CalculationResult`].
//!
//! [`calculate_json`] does all three. [`field_specs`] and [`catalog`] document the
//! inputs (defaults, ranges, rationale) and the instance catalog.
//!
//! ```
//! use clusterplan_model::{Cheaper, InputError, calculate_json};
//!
//! let result = calculate_json(br#"{"clusters": 5}"#).expect("a valid scenario");
//! assert_eq!(result.comparison.cheaper, Cheaper::Eks);
//! assert_eq!(result.options.eks.common.cumulative.len(), 37);
//!
//! // Every violation at once: a range broken, a member unknown.
//! match calculate_json(br#"{"clusters": 0, "workers": {"headroom": 5}}"#) {
//!     Err(InputError::Invalid(errors)) => {
//!         let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
//!         assert_eq!(fields, ["clusters", "workers.headroom"]);
//!     }
//!     other => panic!("{other:?}"),
//! }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod cadence;
mod calculate;
mod capacity;
mod catalog;
mod compare;
mod display;
mod error;
mod fields;
mod figures;
mod fleet;
pub mod form;
pub mod input;
pub mod kube;
mod labels;
mod money;
mod output;
mod params;
mod parse;
pub mod resolved;
mod scenario;
mod schema;
mod sensitivity;
mod strict;
mod team;
mod uncertainty;
mod validate;
mod vocabulary;
mod warnings;

pub use calculate::{
    PoolCosts, calculate, calculate_json, horizon_totals_at, monthly_costs, pool_costs,
};
pub use catalog::{Catalog, ControlPlaneTier, ControlPlaneTiers, InstanceType, catalog};
pub use display::{in_currency, is_currency_code, money_short, usd_rate_error, usd_short};
pub use error::{
    FieldError, InputError, MAX_FIELD_ERRORS, MORE_MAY_FOLLOW, ValidationErrors, cap_field_errors,
    field_error_from_json, input_error_from_json, member_named, prefixed, problem_count,
};
pub use fields::{FieldKind, FieldSpec, field_spec, field_specs, max_items, table_path};
pub use fleet::{
    FARGATE_SIZES, FargateSize, PLAIN_GROUP, PLAIN_POOL, POD_OVERHEAD_GIB, replaced_by_fleet,
};
pub use form::{
    ADD_ROW, EDIT, EDIT_REVISION, MAX_FORM_PAIRS, NAME, REMOVE_ROW, SIZING, TO_FLEET,
    apply_form_actions, control_title, field_spec_at, fleet_rows, nothing_typed, range_control,
    split_item_path, split_range_control,
};
pub use input::ScenarioInput;
pub use labels::{choice_label, field_label, field_title, lower_first_word};
pub use output::{
    CalculationResult, Cheaper, Comparison, EksOption, HorizonTotals, HoursPerYear, MonthlyCost,
    Name, OnCall, OptionName, OptionResult, Options, PoolResult, SelfHostedOption,
    SensitivityEntry, Series, Warning, WarningCode,
};
pub use parse::{Checked, parse_checked, parse_input, parse_json};
pub use resolved::{ResolvedInput, defaults};
pub use scenario::Scenario;
pub use uncertainty::{Histogram, Stats, UncertaintyResult};
pub use validate::{
    MAX_ITEM_NAME_CHARS, UNFIT_FOR_NAMES, is_blank, is_rangeable, pattern_for_chars, trim_name,
    trim_row_names, trimmed_name_pattern, unfit_for_names,
};
pub use vocabulary::CostCategory;

/// Version of the model's formulas, reported as `model_version` in every result.
pub const MODEL_VERSION: &str = "3";

/// Hours per month used throughout the model (8,760 hours / 12).
pub const HPM: f64 = 730.0;

//! OpenAPI schemas of the input types, generated from the field table so that every
//! range, default, unit and rationale in the API document is the one validation uses.

mod rules;

use crate::catalog::Catalog;
use crate::fields::{FieldKind, FieldSpec, field_specs};
use crate::fleet::REPLACED_BY_FLEET;
use crate::validate::{MAX_ITEM_NAME_CHARS, item_name_patterns};
use std::borrow::Cow;
use utoipa::openapi::RefOr;
use utoipa::openapi::extensions::Extensions;
use utoipa::openapi::schema::{
    AdditionalProperties, ArrayBuilder, ObjectBuilder, Schema, SchemaType, Type,
};

/// Request schemas carry defaults; result schemas require every field.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Input,
    Resolved,
}

const SECTIONS: [(&str, &str); 7] = [
    ("workers", "Worker nodes: instance type and sizing."),
    ("eks", "The EKS option."),
    ("self_hosted", "The self-hosted option."),
    ("team", "The platform team."),
    ("upgrades", "Upgrade cadence and support windows."),
    ("prices", "Storage and Spot prices."),
    ("growth", "Workload growth over the horizon."),
];

fn describe(spec: &FieldSpec) -> String {
    let mut text = spec.description.clone();
    if let Some(unit) = &spec.unit {
        text.push_str(&format!(" Unit: {unit}."));
    }
    if !spec.range.is_empty() {
        text.push_str(&format!(" Range: {}.", spec.range));
    }
    text.push_str(&format!(" Default: {} ({})", spec.default, spec.rationale));
    text
}

fn leaf(spec: &FieldSpec, mode: Mode) -> Schema {
    let ty = match spec.kind {
        FieldKind::Integer => Type::Integer,
        FieldKind::Number => Type::Number,
        FieldKind::Boolean => Type::Boolean,
        FieldKind::String => Type::String,
        FieldKind::Object => Type::Object,
        FieldKind::Array => return array(spec, mode),
    };
    let mut b = match spec.kind {
        FieldKind::Object => object(&spec.path, mode),
        _ => ObjectBuilder::new(),
    };
    b = match spec.nullable {
        true => b.schema_type(SchemaType::from_iter([ty, Type::Null])),
        false => b.schema_type(ty),
    };
    b = b.description(Some(describe(spec)));
    if let Some(min) = spec.minimum {
        b = match spec.exclusive_minimum {
            true => b.exclusive_minimum(Some(min)),
            false => b.minimum(Some(min)),
        };
    }
    if let Some(max) = spec.maximum {
        b = match spec.exclusive_maximum {
            true => b.exclusive_maximum(Some(max)),
            false => b.maximum(Some(max)),
        };
    }
    if let Some(pattern) = &spec.pattern {
        b = b.pattern(Some(pattern.clone()));
    }
    if let Some(allowed) = &spec.allowed {
        b = b.enum_values(Some(allowed.clone()));
    }
    let choices = spec.choices();
    if spec.is_instance_type() {
        // Not an `enum`: 1,345 names would swamp the document. Validation checks
        // the name against the catalog; the pattern is the shape of every name.
        let pattern = match spec.accepts_custom() {
            true => "^(custom|[a-z0-9-]+\\.[a-z0-9-]+)$",
            false => "^[a-z0-9-]+\\.[a-z0-9-]+$",
        };
        let classic: Vec<&str> = Catalog::classic_types()
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        b = b.pattern(Some(pattern)).description(Some(format!(
            "{} A catalog type: GET /api/v1/catalog lists all {} (e.g. {}).",
            describe(spec),
            Catalog::BUILT_IN_TYPES,
            classic.join(", ")
        )));
    } else if !choices.is_empty() {
        b = b.enum_values(Some(choices));
    } else if spec.kind == FieldKind::String && spec.path.ends_with("[].name") {
        let (visible, unfit) = item_name_patterns();
        let not = serde_json::json!({"type": "string", "pattern": unfit});
        b = b
            .min_length(Some(1))
            .max_length(Some(MAX_ITEM_NAME_CHARS))
            .pattern(Some(visible))
            .extensions(Some(Extensions::from_iter([("not", not)])));
    }
    // A nullable object's default is said in its description only: client
    // generators (openapi-python-client) read `type: [object, null]` as a union
    // and refuse any default but null, dropping every schema that uses it.
    let union_with_object_default = spec.nullable && spec.kind == FieldKind::Object;
    if mode == Mode::Input && !spec.required && !union_with_object_default {
        b = b.default(Some(spec.default.clone()));
        if !spec.default.is_null() {
            b = b.examples([spec.default.clone()]);
        }
    }
    Schema::Object(b.build())
}

/// A list field: its items are the object of the fields at `path[].member`.
fn array(spec: &FieldSpec, mode: Mode) -> Schema {
    let items = object(&format!("{}[]", spec.path), mode);
    let array = ArrayBuilder::new()
        .items(items)
        .min_items(spec.minimum.map(|min| min as usize))
        .max_items(spec.maximum.map(|max| max as usize))
        .description(Some(describe(spec)));
    let array = match spec.nullable {
        true => array.schema_type(SchemaType::from_iter([Type::Array, Type::Null])),
        false => array,
    };
    // A required list has no default: `null` would not be a list.
    let array = match mode {
        Mode::Input if !spec.default.is_null() || spec.nullable => {
            array.default(Some(spec.default.clone()))
        }
        _ => array,
    };
    Schema::Array(array.build())
}

/// The object at `prefix` ("" for the root): its direct fields from the table, plus
/// the root's sections, which the table only names through their fields' paths.
fn object(prefix: &str, mode: Mode) -> ObjectBuilder {
    let mut b = ObjectBuilder::new()
        .schema_type(Type::Object)
        .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(false)));
    let dotted = format!("{prefix}.");
    let mut seen: Vec<&str> = Vec::new();
    for spec in field_specs() {
        let rest = match prefix.is_empty() {
            true => spec.path.as_str(),
            false => match spec.path.strip_prefix(&dotted) {
                Some(rest) => rest,
                None => continue,
            },
        };
        // A list's members belong to the list's item object only.
        if rest.split('.').next().is_some_and(|n| n.ends_with("[]")) {
            continue;
        }
        let name = rest.split('.').next().unwrap_or(rest);
        if seen.contains(&name) {
            continue;
        }
        seen.push(name);
        let section = rest.contains('.');
        let property = match section {
            // A section without an entry of its own: a plain, always-present object.
            true => {
                let doc = SECTIONS.iter().find(|(s, _)| *s == name).map(|(_, d)| *d);
                let child = match prefix.is_empty() {
                    true => name.to_owned(),
                    false => format!("{prefix}.{name}"),
                };
                Schema::Object(object(&child, mode).description(doc).build())
            }
            false => leaf(spec, mode),
        };
        b = b.property(name, property);
        // A result's `inputs` has either `fleet` or the two inputs it replaces.
        let either = prefix.is_empty() && (name == "fleet" || REPLACED_BY_FLEET.contains(&name));
        if (mode == Mode::Resolved && !either) || (!section && spec.required) {
            b = b.required(name);
        }
    }
    // Rules between members, where JSON Schema can say them (see `rules`).
    match mode {
        Mode::Input => b.extensions(rules::dependent_schemas(prefix)),
        Mode::Resolved => b,
    }
}

macro_rules! table_schema {
    ($($ty:ty => $name:literal, $prefix:literal, $mode:expr;)+) => {$(
        impl utoipa::PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                object($prefix, $mode).into()
            }
        }
        impl utoipa::ToSchema for $ty {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
        }
    )+};
}

table_schema! {
    crate::input::ScenarioInput => "ScenarioInput", "", Mode::Input;
    crate::input::WorkersInput => "WorkersInput", "workers", Mode::Input;
    crate::input::CustomInput => "CustomInput", "workers.custom", Mode::Input;
    crate::input::WorkloadInput => "WorkloadInput", "workers.workload", Mode::Input;
    crate::input::EksInput => "EksInput", "eks", Mode::Input;
    crate::input::SelfHostedInput => "SelfHostedInput", "self_hosted", Mode::Input;
    crate::input::TeamInput => "TeamInput", "team", Mode::Input;
    crate::input::UpgradesInput => "UpgradesInput", "upgrades", Mode::Input;
    crate::input::PricesInput => "PricesInput", "prices", Mode::Input;
    crate::input::GrowthInput => "GrowthInput", "growth", Mode::Input;
    crate::input::DisplayInput => "DisplayInput", "display", Mode::Input;
    crate::input::LineItemInput => "LineItemInput", "line_items[]", Mode::Input;
    crate::input::GroupInput => "GroupInput", "fleet[]", Mode::Input;
    crate::input::PoolInput => "PoolInput", "fleet[].pools[]", Mode::Input;
    crate::resolved::ResolvedInput => "ResolvedInput", "", Mode::Resolved;
    crate::resolved::Workers => "ResolvedWorkers", "workers", Mode::Resolved;
    crate::resolved::CustomInstance => "CustomInstance", "workers.custom", Mode::Resolved;
    crate::resolved::Workload => "Workload", "workers.workload", Mode::Resolved;
    crate::resolved::Eks => "ResolvedEks", "eks", Mode::Resolved;
    crate::resolved::SelfHosted => "ResolvedSelfHosted", "self_hosted", Mode::Resolved;
    crate::resolved::Team => "ResolvedTeam", "team", Mode::Resolved;
    crate::resolved::Upgrades => "ResolvedUpgrades", "upgrades", Mode::Resolved;
    crate::resolved::Prices => "ResolvedPrices", "prices", Mode::Resolved;
    crate::resolved::Growth => "ResolvedGrowth", "growth", Mode::Resolved;
    crate::resolved::Display => "ResolvedDisplay", "display", Mode::Resolved;
    crate::resolved::LineItem => "LineItem", "line_items[]", Mode::Resolved;
    crate::resolved::Group => "Group", "fleet[]", Mode::Resolved;
    crate::resolved::Pool => "Pool", "fleet[].pools[]", Mode::Resolved;
}

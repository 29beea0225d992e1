//! A pool the catalog cannot price: a `custom` machine read from its nodes'
//! capacity, and the price the user still has to give.

use super::keys::OffCatalog;
use super::nodes::Pool;
use super::report::{GIB, ImportReport};
use crate::error::FieldError;
use crate::input::CustomInput;

/// A machine outside the catalog (or not priced by it: Windows, another
/// region), described by its nodes' capacity. Its price is left for the user:
/// a made-up price would decide the comparison.
pub(super) fn custom_machine(
    pool: &Pool,
    type_name: &str,
    off_catalog: Option<&OffCatalog>,
    at: &str,
    report: &mut ImportReport,
) -> CustomInput {
    let c = pool.capacity;
    let custom = CustomInput {
        vcpu: c.cpu.map(|q| q.0),
        memory_gib: c.memory.map(|q| q.0 / GIB),
        hourly_usd: None,
        max_pods_vpc_cni: c.pods.map(|q| q.0.round() as i64),
    };
    let why = off_catalog.map_or_else(
        || "the catalog does not list it".to_owned(),
        OffCatalog::reason,
    );
    report.needs.push(FieldError::new(
        format!("{at}.custom.hourly_usd"),
        format!(
            "the price of one {} node per hour: {why}",
            name_part(type_name, 40)
        ),
    ));
    for (member, missing) in [
        ("vcpu", custom.vcpu.is_none()),
        ("memory_gib", custom.memory_gib.is_none()),
        ("max_pods_vpc_cni", custom.max_pods_vpc_cni.is_none()),
    ] {
        if missing {
            report.needs.push(FieldError::new(
                format!("{at}.custom.{member}"),
                "the node's status.capacity does not say it",
            ));
        }
    }
    custom
}

/// A label value as part of a pool name: at most `chars` characters (a name
/// has 60 with the capacity), without the characters no name may hold.
pub(super) fn name_part(text: &str, chars: usize) -> String {
    text.chars()
        .filter(|c| !crate::unfit_for_names(*c))
        .take(chars)
        .collect()
}

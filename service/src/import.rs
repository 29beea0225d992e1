//! Import of a running cluster (`POST /api/v1/import/kubernetes`,
//! `clusterplan import`): kubectl's nodes and pods become a fleet group.
//! Nothing is stored; the log line carries counts only (no names, docs/MODEL.md
//! §8.3).

pub use clusterplan_model::kube::{Imported, Sizing, Upload};

use crate::ServiceError;

/// Translates a parsed upload; more than 5,000 nodes or 20,000 pods, another
/// kind of list, or an empty one is a 422 naming the field.
pub fn import_kubernetes(upload: Upload, sizing: Sizing) -> Result<Imported, ServiceError> {
    let imported =
        clusterplan_model::kube::translate(upload, sizing).map_err(ServiceError::Invalid)?;
    let report = &imported.report;
    tracing::info!(
        nodes = report.nodes,
        pods = report.pods,
        needs = report.needs.len(),
        "imported a cluster"
    );
    Ok(imported)
}

//! `POST /import/kubernetes`: the JSON of `kubectl get nodes,pods -A -o json` as
//! a scenario with one fleet group, and a report of what was read. Nothing is
//! stored; the route alone takes bodies up to 32 MiB (`crate::limits`).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Query, Request, State, rejection::QueryRejection};
use axum::http::{StatusCode, header};
use clusterplan_model::{FieldError, InputError};
use clusterplan_service::Service;
use clusterplan_service::import::{Imported, Sizing, Upload};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::error::ApiError;
use super::extract::is_json;
use super::responses::{CrossSite, ImportProblems, RateLimited, Unavailable};

/// The query of an import.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// `nodes` (default): each pool's `nodes_per_cluster` is its node count.
    /// `requests`: each pool's `workload` is the requests of the pods on its nodes.
    // Inline: the enum is not among the document's components.
    #[serde(default)]
    #[param(inline)]
    pub sizing: Sizing,
}

/// kubectl's JSON, read as it streams in: only the fields the import needs are
/// kept (`clusterplan_model::kube`).
pub struct KubectlJson(pub Upload);

impl<S: Send + Sync> FromRequest<S> for KubectlJson {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let yaml = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().contains("yaml"));
        if yaml {
            return Err(ApiError::UnsupportedFormat(
                "YAML is not read: send kubectl get nodes,pods -A -o json as application/json",
            ));
        }
        if !is_json(req.headers()) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            match rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                true => ApiError::PayloadTooLarge,
                false => ApiError::BadRequest(rejection.body_text()),
            }
        })?;
        // Parsing 32 MiB takes a good part of a second: off the async workers.
        let parsed = tokio::task::spawn_blocking(move || clusterplan_model::kube::parse(&bytes))
            .await
            .map_err(|error| ApiError::Internal(Box::new(error)))?;
        match parsed {
            Ok(upload) => Ok(Self(upload)),
            Err(InputError::Malformed { message }) => Err(ApiError::BadRequest(message)),
            Err(InputError::Invalid(errors)) => Err(ApiError::Invalid(errors)),
        }
    }
}

/// kubectl's JSON: a `List` (kind `List`, `NodeList` or `PodList`) with `items`,
/// or `{"nodes": …, "pods": …}`, either part optional. Other members
/// (`apiVersion`, `metadata`) are ignored, as are the items' fields the import
/// does not read.
#[derive(ToSchema)]
#[allow(dead_code)] // Only the OpenAPI document reads it.
pub struct KubectlUpload {
    /// `List`, `NodeList` or `PodList`; another kind is a 422 naming it.
    kind: Option<String>,
    /// Nodes and pods (each with or without `kind`), at most 25,000.
    #[schema(value_type = Option<Vec<Object>>)]
    items: Option<Vec<()>>,
    /// `kubectl get nodes -o json`.
    nodes: Option<KubectlPart>,
    /// `kubectl get pods -A -o json`.
    pods: Option<KubectlPart>,
}

/// One part of `{"nodes": …, "pods": …}`: a kubectl `List` or an API
/// `NodeList`/`PodList`.
#[derive(ToSchema)]
#[allow(dead_code)] // Only the OpenAPI document reads it.
pub struct KubectlPart {
    /// `List`, `NodeList` (for `nodes`) or `PodList` (for `pods`).
    kind: Option<String>,
    /// The part's objects.
    #[schema(value_type = Option<Vec<Object>>)]
    items: Option<Vec<()>>,
}

/// Reads a running cluster into a scenario with one fleet group (clusters: 1)
/// and one pool per instance type and capacity type (Fargate as a Fargate
/// pool), and reports what it read: counts and sums only, never a name, label
/// value (other than instance and capacity type), address or UID. Stores
/// nothing; counts against the write limit. Up to 32 MiB, 5,000 nodes and
/// 20,000 pods.
#[utoipa::path(
    post, path = "/api/v1/import/kubernetes", tag = "import",
    params(ImportQuery),
    request_body(content = KubectlUpload, description = "The output of kubectl get nodes,pods -A -o json"),
    responses(
        (status = 200, description = "The scenario and the report of what was read", body = Imported),
        ImportProblems,
        RateLimited,
        CrossSite,
        Unavailable,
    )
)]
pub async fn kubernetes(
    State(service): State<Service>,
    query: Result<Query<ImportQuery>, QueryRejection>,
    KubectlJson(upload): KubectlJson,
) -> Result<Json<Imported>, ApiError> {
    let Query(query) = query.map_err(|_| {
        ApiError::Invalid(vec![FieldError::new(
            "sizing",
            "must be \"nodes\" or \"requests\"",
        )])
    })?;
    Ok(Json(service.import_kubernetes(upload, query.sizing)?))
}

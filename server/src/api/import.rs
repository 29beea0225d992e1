//! `POST /import/kubernetes`: the JSON of `kubectl get nodes,pods -A -o json` as
//! a scenario with one fleet group, and a report of what was read. Nothing is
//! stored; the route alone takes bodies up to 32 MiB (`crate::limits`).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRef, FromRequest, FromRequestParts, Request, State};
use axum::http::header;
use axum::http::request::Parts;
use clusterplan_service::Service;
use clusterplan_service::import::{Imported, Sizing};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::error::ApiError;
use super::extract::{is_json, refuse_coding};
use super::responses::{CrossSite, ImportProblems, RateLimited, Unavailable};
use crate::import_turns::{Held, ImportTurns};
use http_body_util::BodyExt;

/// The query of an import (the OpenAPI document's; [`ImportSizing`] reads it).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // Only the OpenAPI document reads it.
pub struct ImportQuery {
    /// `nodes` (default): each pool's `nodes_per_cluster` is its node count.
    /// `requests`: each pool's `workload` is the requests of the pods on its nodes.
    /// Any other parameter is a 400 naming it.
    // Inline: the enum is not among the document's components.
    #[serde(default)]
    #[param(inline)]
    sizing: Sizing,
}

/// The import's `sizing`, read from the query before the body is: a typo in
/// the query is refused without reading 32 MiB first.
pub struct ImportSizing(pub Sizing);

impl<S: Send + Sync> FromRequestParts<S> for ImportSizing {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or("");
        Ok(Self(clusterplan_service::import::sizing_from_query(query)?))
    }
}

/// kubectl's JSON as sent (plain or gzip): `application/json`, YAML refused
/// by its content type, up to the route's body limit; received in turn with
/// the other imports and then given the reading turn (`crate::import_turns`),
/// both held until the import is answered.
pub struct KubectlBody {
    /// The body, whole.
    pub bytes: Bytes,
    /// Its bytes of the imports' budget and its reading turn.
    pub turn: Held,
}

impl<S: Send + Sync> FromRequest<S> for KubectlBody
where
    ImportTurns: FromRef<S>,
{
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
        // gzip is read by its magic bytes, with or without the header.
        refuse_coding(req.headers(), &["gzip", "x-gzip"], "gzip, identity")?;
        let turns = ImportTurns::from_ref(state);
        let mut turn = Held::default();
        // Chunk by chunk, each taking its bytes of the budget as it arrives:
        // nothing is set aside for a length declared but not yet sent. Each
        // chunk is copied out: kept, a one-byte chunk would keep hyper's whole
        // read buffer alive (thousands of times the bytes it is charged).
        let mut body = req.into_body();
        let mut received = Vec::new();
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(ApiError::unread_body)?;
            if let Ok(chunk) = frame.into_data() {
                turns.receive(&mut turn, chunk.len()).await?;
                received.extend_from_slice(&chunk);
            }
        }
        let bytes = Bytes::from(received);
        turns.read(&mut turn).await?;
        Ok(Self { bytes, turn })
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
/// 20,000 pods. The body may be gzip (recognised by its first bytes; send
/// `Content-Encoding: gzip` or not), then up to 512 MiB of JSON inside, and
/// past 32 MiB at most 100 times the gzip data's size (kubectl's JSON
/// compresses 3 to 30 times): plain, kubectl's JSON of a cluster that large
/// runs past 32 MiB. One import runs at
/// a time; another waits a few seconds, then is answered 503.
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
    ImportSizing(sizing): ImportSizing,
    KubectlBody { bytes, turn: _turn }: KubectlBody,
) -> Result<Json<Imported>, ApiError> {
    Ok(Json(service.import_kubernetes(bytes, sizing).await?))
}

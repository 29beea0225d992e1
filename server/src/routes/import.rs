//! `/import`, the plain page that starts a plan from a running cluster
//! (`app::import_page`): `GET` is the form, `POST` the form's multipart upload
//! (the JSON pasted into `kubectl` or sent as `file`, and `sizing`), read by
//! the same parse and use case as `POST /api/v1/import/kubernetes`. Nothing is
//! stored. Every refusal is this page again with a 4xx status that names the
//! problem, never a problem document a browser would show as raw JSON.
//!
//! The POST counts against the write limit (`crate::ratelimit`), passes the
//! cross-site check like every write, and may be 32 MiB (`crate::limits`).

use axum::extract::multipart::{Field, MultipartError, MultipartRejection};
use axum::extract::{Multipart, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use clusterplan_model::FieldError;
use clusterplan_service::import::Sizing;
use clusterplan_service::{Service, ServiceError};
use leptos::config::LeptosOptions;

use app::{IMPORT_FILE_FIELD, IMPORT_SIZING_FIELD, IMPORT_TEXT_FIELD, ImportOutcome};

use super::plain::no_script;
use crate::import_turns::{Busy, Held, ImportTurns};
use crate::limits::IMPORT_MAX_BODY_BYTES;

/// Longest `sizing` value read: "requests" and a little room.
const MAX_SIZING_BYTES: usize = 16;

/// A refusal: the status and the problems the page lists.
type Refusal = (StatusCode, Vec<FieldError>);

/// `GET /import`: the empty form.
pub async fn form(State(options): State<LeptosOptions>) -> Response {
    no_script(
        StatusCode::OK,
        app::import_page(options, Sizing::Nodes, ImportOutcome::Form),
    )
}

/// `POST /import`: the report of what the upload was read as, or why not.
pub async fn upload(
    State(options): State<LeptosOptions>,
    State(service): State<Service>,
    State(turns): State<ImportTurns>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let mut sizing = Sizing::Nodes;
    let outcome = match query.as_deref().filter(|q| !q.is_empty()) {
        // The form says everything; a query here is a script's mistake (the
        // API takes `?sizing=`), which must not be ignored in silence.
        Some(query) => Err(refusal(
            StatusCode::BAD_REQUEST,
            "",
            format!(
                "this form takes no query parameter ({}): choose the sizing in the form, or use POST /api/v1/import/kubernetes?sizing=",
                query
                    .split(['=', '&'])
                    .next()
                    .unwrap_or_default()
                    .chars()
                    .take(40)
                    .collect::<String>()
            ),
        )),
        None => read(&service, &turns, &headers, multipart, &mut sizing).await,
    };
    let (status, outcome) = match outcome {
        Ok(imported) => (StatusCode::OK, ImportOutcome::Read(Box::new(imported))),
        Err((status, errors)) => (status, ImportOutcome::Refused(errors)),
    };
    let mut page = no_script(status, app::import_page(options, sizing, outcome));
    if status == StatusCode::SERVICE_UNAVAILABLE {
        let retry = header::HeaderValue::from(crate::shed::RETRY_AFTER_SECS);
        page.headers_mut().insert(header::RETRY_AFTER, retry);
    }
    page
}

/// Reads the form and imports what it holds; sets `sizing` to the form's
/// choice as soon as it is known, so a refused page keeps it.
async fn read(
    service: &Service,
    turns: &ImportTurns,
    headers: &HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
    sizing: &mut Sizing,
) -> Result<clusterplan_service::import::Imported, Refusal> {
    // A declared length over the limit is refused unread (the server-wide body
    // limit leaves this page's answer to it, so it can be a page).
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > IMPORT_MAX_BODY_BYTES as u64) {
        return Err(too_large());
    }
    let mut multipart = multipart.map_err(|_| {
        refusal(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "",
            "send the form as multipart/form-data, as this page's form does",
        )
    })?;
    let (mut text, mut file, mut choice) = (Vec::new(), Vec::new(), Vec::new());
    // Freed when the import is answered (`crate::import_turns`).
    let mut held = Held::default();
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        let (into, limit) = match field.name() {
            Some(IMPORT_TEXT_FIELD) => (&mut text, IMPORT_MAX_BODY_BYTES),
            Some(IMPORT_FILE_FIELD) => (&mut file, IMPORT_MAX_BODY_BYTES),
            Some(IMPORT_SIZING_FIELD) => (&mut choice, MAX_SIZING_BYTES),
            // Other fields are skipped unread by the next `next_field`.
            _ => continue,
        };
        append(field, into, limit, turns, &mut held).await?;
    }
    *sizing = match String::from_utf8_lossy(&choice).trim() {
        "" | "nodes" => Sizing::Nodes,
        "requests" => Sizing::Requests,
        _ => {
            return Err(refusal(
                StatusCode::UNPROCESSABLE_ENTITY,
                "sizing",
                "must be nodes or requests",
            ));
        }
    };
    let blank = |bytes: &[u8]| bytes.iter().all(u8::is_ascii_whitespace);
    let body = match (blank(&text), blank(&file)) {
        (true, true) => {
            return Err(refusal(
                StatusCode::BAD_REQUEST,
                "",
                "nothing was sent: paste the output of kubectl get nodes,pods -A -o json, or choose its file",
            ));
        }
        (false, false) => {
            return Err(refusal(
                StatusCode::BAD_REQUEST,
                "",
                "both a file and pasted text were sent: send one of them",
            ));
        }
        (false, true) => text,
        (true, false) => file,
    };
    turns.read(&mut held).await.map_err(busy)?;
    service
        .import_kubernetes(body, *sizing)
        .await
        .map_err(|error| {
            let status = StatusCode::from_u16(error.refusal().status())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            match error {
                invalid @ ServiceError::Invalid(_) => (status, invalid.into_field_errors()),
                other => {
                    other.log();
                    refusal(status, "", other.public_detail())
                }
            }
        })
}

/// Appends a field's data to `into` as it streams in, up to `limit` bytes,
/// each chunk's bytes taken from the imports' budget into `held`.
async fn append(
    mut field: Field<'_>,
    into: &mut Vec<u8>,
    limit: usize,
    turns: &ImportTurns,
    held: &mut Held,
) -> Result<(), Refusal> {
    while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
        turns.receive(held, chunk.len()).await.map_err(busy)?;
        if into.len() + chunk.len() > limit {
            return Err(match limit {
                IMPORT_MAX_BODY_BYTES => too_large(),
                _ => refusal(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "sizing",
                    "must be nodes or requests",
                ),
            });
        }
        into.extend_from_slice(&chunk);
    }
    Ok(())
}

/// The import waited too long for room or for its turn.
fn busy(Busy(with): Busy) -> Refusal {
    refusal(
        StatusCode::SERVICE_UNAVAILABLE,
        "",
        format!("the server is busy {with}: try again in a few seconds"),
    )
}

/// A multipart stream that breaks off: over the body limit (413), or cut or
/// malformed (400: the client's doing, never the server's). The limit's error
/// is looked for down the chain of causes: a body sent without a length
/// (chunked) is cut off by the server-wide limit, whose error axum's own
/// status does not see through.
fn unreadable(error: MultipartError) -> Refusal {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&error);
    while let Some(error) = cause {
        if error.is::<http_body_util::LengthLimitError>() {
            return too_large();
        }
        cause = error.source();
    }
    match error.status() {
        StatusCode::PAYLOAD_TOO_LARGE => too_large(),
        _ => refusal(
            StatusCode::BAD_REQUEST,
            "",
            "the form's upload could not be read (cut off or malformed): send it again",
        ),
    }
}

fn too_large() -> Refusal {
    refusal(
        StatusCode::PAYLOAD_TOO_LARGE,
        "",
        "the upload is larger than 32 MiB, the most one import reads",
    )
}

fn refusal(status: StatusCode, field: &str, message: impl Into<String>) -> Refusal {
    (status, vec![FieldError::new(field, message.into())])
}

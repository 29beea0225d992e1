//! Import of a running cluster (`POST /api/v1/import/kubernetes`, the `/import`
//! page, `clusterplan import`): kubectl's nodes and pods become a fleet group.
//! Nothing is stored; the log line carries counts only (no names, docs/MODEL.md
//! §8.3).
//!
//! A body may be gzip (`kubectl … -o json | gzip`): kubectl's pretty-printed
//! JSON runs to about 3.5 KB an object, so 32 MiB of plain JSON holds some 9,000
//! nodes and pods, short of the 5,000 + 20,000 an import reads; compressed, a
//! cluster that size fits. It is decompressed as it is parsed, never held
//! whole, up to [`MAX_JSON_BYTES`].

use std::cell::Cell;
use std::io::BufReader;
use std::sync::atomic::AtomicBool;

use clusterplan_model::{FieldError, InputError};
use serde::Deserialize;

pub use clusterplan_model::kube::{Imported, Sizing, Upload};

use crate::ServiceError;
use guard::{Counted, Guarded, Ratio, Stop};

mod guard;
pub(crate) mod thread;

/// Most JSON one import reads, decompressed or not (and what the command line
/// reads from stdin): 5,000 nodes and 20,000 pods as kubectl prints them, with
/// room for statuses.
pub const MAX_JSON_BYTES: usize = 512 * 1024 * 1024;

/// How many times its own size a gzip body may grow past [`GZIP_FLOOR_BYTES`]:
/// kubectl's JSON compresses 3 to 30 times (`tests/fixtures/kubectl`). Half a
/// megabyte of filler that grew 1,000 times took the one import thread 3.7 s,
/// 25 times the largest plain body, so one address could keep every other
/// import waiting past its 5 s (an outside review). Held as the JSON comes
/// out, against the compressed bytes read so far: bytes after the gzip data,
/// padding or anything else, do not raise it (a padded bomb ran 3.4 s).
pub const MAX_GZIP_RATIO: usize = 100;

/// What any gzip body may grow to, whatever its ratio: as much JSON as a plain
/// import body may hold (32 MiB).
const GZIP_FLOOR_BYTES: usize = 32 * 1024 * 1024;

/// gzip's magic number: a body starting with it is decompressed.
const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];

/// Reads a body (kubectl's JSON, plain or gzip) and translates it; more than
/// 5,000 nodes or 20,000 pods, another kind of list, or an empty one is a 422
/// naming the field; JSON that cannot be read a 400; past [`MAX_JSON_BYTES`]
/// decompressed a 413. CPU-bound (a second or two for the largest): callers
/// on an async runtime run it off the runtime (`Service::import_kubernetes`
/// uses the import thread).
pub fn import_kubernetes(body: &[u8], sizing: Sizing) -> Result<Imported, ServiceError> {
    import_until(body, sizing, &AtomicBool::new(false))
}

/// [`import_kubernetes`] that stops reading a gzip body once `given_up` is set
/// (the request's timeout answered, or its client left: `guard`).
pub(crate) fn import_until(
    body: &[u8],
    sizing: Sizing,
    given_up: &AtomicBool,
) -> Result<Imported, ServiceError> {
    let upload = match body.starts_with(GZIP_MAGIC) {
        true => read_gzip(body, MAX_JSON_BYTES, given_up)?,
        false if body.len() > MAX_JSON_BYTES => return Err(too_large()),
        false => clusterplan_model::kube::parse(body).map_err(refused)?,
    };
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

/// The query of an import: `sizing` alone. An unknown parameter is a 400
/// naming it (a typo such as `sizng` must not silently size by nodes); a
/// `sizing` other than `nodes` or `requests` a 422.
pub fn sizing_from_query(query: &str) -> Result<Sizing, ServiceError> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Query {
        sizing: Option<String>,
    }
    let query: Query = serde_urlencoded::from_str(query)
        .map_err(|error| ServiceError::Malformed(format!("the query: {error}")))?;
    match query.sizing.as_deref() {
        None | Some("nodes") => Ok(Sizing::Nodes),
        Some("requests") => Ok(Sizing::Requests),
        Some(_) => Err(ServiceError::Invalid(vec![FieldError::new(
            "sizing",
            "must be \"nodes\" or \"requests\"",
        )])),
    }
}

fn refused(error: InputError) -> ServiceError {
    match error {
        InputError::Malformed { message } => ServiceError::Malformed(message),
        InputError::Invalid(errors) => ServiceError::Invalid(errors),
    }
}

fn too_large() -> ServiceError {
    ServiceError::TooLarge(format!(
        "the JSON is larger than {} MiB, the most one import reads",
        MAX_JSON_BYTES >> 20
    ))
}

/// Parses a gzip body (one gzip member, as `gzip` writes) as it is
/// decompressed, within the bounds of [`guard`]. Anything after the member
/// but zeros (padding) is refused: a second member read as nothing would
/// drop its part of the cluster in silence.
fn read_gzip(body: &[u8], limit: usize, given_up: &AtomicBool) -> Result<Upload, ServiceError> {
    let (stopped, consumed) = (Cell::new(None), Cell::new(0));
    // The bufread decoder reads the member and no further: what it leaves of
    // `body` is what follows the member.
    let mut member = flate2::bufread::GzDecoder::new(Counted::new(body, &consumed));
    let ratio = Ratio {
        consumed: &consumed,
        times: MAX_GZIP_RATIO,
        floor: GZIP_FLOOR_BYTES,
    };
    let json = Guarded::new(&mut member, limit, given_up, &stopped).within(ratio);
    let parsed = clusterplan_model::kube::parse_reader(BufReader::new(json));
    let rest = member.get_ref().rest;
    match (parsed, stopped.get()) {
        (_, Some(Stop::TooLarge)) => Err(too_large()),
        (_, Some(Stop::Ratio)) => Err(ServiceError::TooLarge(format!(
            "the gzip upload grows more than {MAX_GZIP_RATIO} times its own size past {} MiB; \
             kubectl's JSON compresses 3 to 30 times: compress it less (gzip -1), or send it \
             uncompressed",
            GZIP_FLOOR_BYTES >> 20
        ))),
        (_, Some(Stop::GivenUp)) => Err(ServiceError::Busy {
            retry_after_secs: 5,
        }),
        (_, Some(Stop::LongString)) => Err(ServiceError::Malformed(format!(
            "the gzip upload holds a string longer than {} MiB; kubectl writes none so long",
            guard::MAX_STRING_BYTES >> 20
        ))),
        (_, None) if rest.starts_with(GZIP_MAGIC) => Err(ServiceError::Malformed(
            "the gzip upload holds more than one gzip member: compress the JSON once, as one file"
                .into(),
        )),
        (Ok(_), None) if rest.iter().any(|b| *b != 0) => Err(ServiceError::Malformed(
            "the gzip upload has bytes after its gzip data".into(),
        )),
        (Ok(upload), None) => Ok(upload),
        (Err(InputError::Malformed { message }), None) => Err(ServiceError::Malformed(format!(
            "the gzip upload: {message}"
        ))),
        (Err(error), None) => Err(refused(error)),
    }
}

#[cfg(test)]
mod tests;

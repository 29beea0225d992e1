//! The problem answers each endpoint can give, as the OpenAPI document lists
//! them (`responses(...)` in the handlers' `#[utoipa::path]`). Only read by
//! the derive, hence `dead_code`.
#![allow(dead_code)]

use super::error::Problem;

/// The problems any endpoint with a JSON body can answer, for the OpenAPI document.
#[derive(utoipa::IntoResponses)]
pub enum BodyProblems {
    /// Malformed JSON, or a query parameter (these routes take none; the
    /// error names it).
    #[response(status = 400, content_type = "application/problem+json")]
    Malformed(Problem),
    /// Body over 320 KiB.
    #[response(status = 413, content_type = "application/problem+json")]
    TooLarge(Problem),
    /// Not `application/json`, or sent with a `Content-Encoding` (only plain
    /// JSON is read; the answer's `Accept-Encoding` says so).
    #[response(status = 415, content_type = "application/problem+json")]
    NotJson(Problem),
    /// Invalid input; every violation listed with its field path.
    #[response(status = 422, content_type = "application/problem+json")]
    Invalid(Problem),
}

/// The problems of an endpoint that needs the edit token, for the OpenAPI document.
#[derive(utoipa::IntoResponses)]
pub enum TokenProblems {
    /// No `Authorization: Bearer <edit_token>` sent.
    #[response(status = 401, content_type = "application/problem+json")]
    MissingToken(Problem),
    /// The edit token does not match, or a browser sent the write from another
    /// site.
    #[response(status = 403, content_type = "application/problem+json")]
    WrongToken(Problem),
    /// Unknown id.
    #[response(status = 404, content_type = "application/problem+json")]
    NotFound(Problem),
}

/// Unknown id or revision, for the OpenAPI document.
#[derive(utoipa::IntoResponses)]
pub enum NotFoundProblem {
    /// Unknown id or revision.
    #[response(status = 404, content_type = "application/problem+json")]
    NotFound(Problem),
}

/// Too many writes from this address, for the OpenAPI document.
#[derive(utoipa::IntoResponses)]
pub enum RateLimited {
    /// Over the write limit of this address; `Retry-After` says when to try
    /// again. The limit is checked first, before the body and the edit token, so
    /// it can come instead of any other answer.
    #[response(status = 429, content_type = "application/problem+json")]
    TooManyRequests(Problem),
}

/// A browser's write from another site, for the OpenAPI document of writes
/// that need no edit token (`TokenProblems` covers the others).
#[derive(utoipa::IntoResponses)]
pub enum CrossSite {
    /// A browser said the write comes from another site (`Sec-Fetch-Site` or
    /// `Origin`); refused before any handler runs.
    #[response(status = 403, content_type = "application/problem+json")]
    Forbidden(Problem),
}

/// The server cannot answer now, for the OpenAPI document of every operation.
#[derive(utoipa::IntoResponses)]
pub enum Unavailable {
    /// Every simulation slot stayed busy (or, for an import, the one import
    /// slot), or the request ran past the server's time limit; `Retry-After`
    /// says when to try again.
    #[response(status = 503, content_type = "application/problem+json")]
    ServiceUnavailable(Problem),
}

/// A full database, for the OpenAPI document of every write that stores.
#[derive(utoipa::IntoResponses)]
pub enum StorageFull {
    /// The database reached its size guard or the disk is full; nothing was written.
    #[response(status = 507, content_type = "application/problem+json")]
    InsufficientStorage(Problem),
}

/// A scenario at its revision cap, for the OpenAPI document of `PUT`.
#[derive(utoipa::IntoResponses)]
pub enum RevisionLimit {
    /// The scenario has the most revisions one scenario keeps; fork it to go on
    /// (POST its input to `/api/v1/scenarios`).
    #[response(status = 409, content_type = "application/problem+json")]
    Conflict(Problem),
}

/// A change whose `If-Match` names a revision that is not the latest.
#[derive(utoipa::IntoResponses)]
pub enum PreconditionFailed {
    /// Another save came first (or `If-Match` names no revision): nothing was
    /// written; read the scenario again and apply the change to it.
    #[response(status = 412, content_type = "application/problem+json")]
    Moved(Problem),
}

/// The client's copy is current, for the OpenAPI document of tagged reads.
#[derive(utoipa::IntoResponses)]
pub enum NotModified {
    /// `If-None-Match` named the current `ETag`; no body.
    #[response(status = 304)]
    NotModified,
}

/// A query parameter sent to a route that takes none ([`super::extract::NoQuery`]).
#[derive(utoipa::IntoResponses)]
pub enum NoQueryProblem {
    /// This route takes no query parameter; the error names the one sent.
    #[response(status = 400, content_type = "application/problem+json")]
    Unreadable(Problem),
}

/// Invalid query parameters, for the OpenAPI document.
#[derive(utoipa::IntoResponses)]
pub enum QueryProblems {
    /// The query string cannot be read: a parameter sent twice, unknown or
    /// missing; the error names it.
    #[response(status = 400, content_type = "application/problem+json")]
    Unreadable(Problem),
    /// A query parameter is invalid; each error names it.
    #[response(status = 422, content_type = "application/problem+json")]
    Invalid(Problem),
}

/// The problems of `POST /import/kubernetes`, for the OpenAPI document.
#[derive(utoipa::IntoResponses)]
pub enum ImportProblems {
    /// Malformed or cut-off JSON (the message gives the byte), YAML, UTF-16,
    /// kubectl's warnings before the JSON, a broken gzip body, or a query
    /// parameter other than `sizing` (named).
    #[response(status = 400, content_type = "application/problem+json")]
    Malformed(Problem),
    /// Body over 32 MiB (refused before it is read when its length is
    /// declared), or a gzip body holding more than 512 MiB of JSON, or past
    /// 32 MiB more than 100 times its own size.
    #[response(status = 413, content_type = "application/problem+json")]
    TooLarge(Problem),
    /// Not `application/json` (YAML is told to use `-o json`), or sent with a
    /// `Content-Encoding` other than gzip.
    #[response(status = 415, content_type = "application/problem+json")]
    NotJson(Problem),
    /// Another kind of list, more than 5,000 nodes or 20,000 pods, nothing to
    /// import, a bad quantity or `sizing`; each error names its field.
    #[response(status = 422, content_type = "application/problem+json")]
    Invalid(Problem),
}

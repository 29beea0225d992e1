//! Strong ETags for saved-scenario reads, and `If-None-Match` answered with
//! `304 Not Modified` before any work: the tag is made of what decides the
//! bytes (the representation, the revision, the model version and the query
//! that shapes it), all known from one indexed lookup.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use clusterplan_model::MODEL_VERSION;
use clusterplan_service::ServiceError;

use super::error::ApiError;

/// A strong entity tag, quoted as it goes on the wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityTag(String);

impl EntityTag {
    /// The tag of representation `kind` (`json`, `csv`, …) of `revision`, with
    /// `variant` (the query that shapes it, may be empty).
    pub fn new(kind: &str, revision: i64, variant: &str) -> Self {
        // Only characters allowed inside an entity tag: letters, digits, `.-_`.
        let variant: String = variant
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let suffix = if variant.is_empty() {
            String::new()
        } else {
            format!(".{variant}")
        };
        Self(format!("\"{kind}.r{revision}.m{MODEL_VERSION}{suffix}\""))
    }

    /// `response` with this tag in its `ETag` header.
    pub fn on(&self, response: impl IntoResponse) -> Response {
        let mut response = response.into_response();
        if let Ok(value) = HeaderValue::from_str(&self.0) {
            response.headers_mut().insert(header::ETAG, value);
        }
        response
    }

    /// `304 Not Modified` with this tag, and the `Vary` its 200 carries (RFC
    /// 9110 §15.4.5: the compression layer adds it only to a body it may
    /// compress, and a 304 has none).
    pub fn not_modified(&self) -> Response {
        let mut response = self.on(StatusCode::NOT_MODIFIED);
        response
            .headers_mut()
            .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        response
    }
}

/// The request's `If-None-Match` tags (empty when absent).
#[derive(Clone, Debug, Default)]
pub struct IfNoneMatch(Vec<String>);

impl IfNoneMatch {
    /// Whether the request held no tag at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The revisions whose JSON tags are held, compared weakly.
    fn json_revisions(&self) -> Vec<i64> {
        let tags = self.0.iter().map(|held| held.trim_start_matches("W/"));
        tags.filter_map(json_revision).collect()
    }

    /// Whether the client already holds `tag`. `If-None-Match` compares weakly
    /// (RFC 9110 §13.1.2), so a `W/` prefix is ignored; `*` matches any.
    pub fn matches(&self, tag: &EntityTag) -> bool {
        self.0
            .iter()
            .any(|held| held == "*" || held.trim_start_matches("W/") == tag.0)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for IfNoneMatch {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(tags(parts, header::IF_NONE_MATCH)))
    }
}

/// Every tag of a conditional header's values, in order. Read as bytes: a
/// value holding a byte that is not ASCII (RFC 9110 allows them in a tag) was
/// dropped whole from `If-None-Match`, a `*` beside it with it, so a change
/// meant to be refused was written; in `If-Match` the valid tags beside it
/// were lost, and a change based on the latest revision refused. Such a tag
/// matches none of ours. Every tag is read (hyper bounds the header's size).
fn tags(parts: &Parts, name: header::HeaderName) -> Vec<String> {
    parts
        .headers
        .get_all(name)
        .iter()
        .flat_map(|value| value.as_bytes().split(|b| *b == b','))
        .map(|tag| String::from_utf8_lossy(tag.trim_ascii()).into_owned())
        .filter(|tag| !tag.is_empty())
        .collect()
}

/// The request's `If-Match` (RFC 9110 §13.1.1) on a change of a scenario: the
/// revisions the change may find latest, for the write to compare in its
/// transaction; empty when there is no condition (no `If-Match`, or `*`: the
/// write itself finds whether the scenario exists). A tag names a revision
/// only if it is, character for character, the strong tag `GET` gives that
/// revision of the JSON (`"json.r4.m3"`), as strong comparison says; when
/// tags were sent and none does (a weak tag, another representation's,
/// `"json.r04.m3"`, an empty list), the one revision named is 0, which never
/// exists (they count from 1), and the write is refused.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IfMatch(pub Vec<i64>);

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        if !parts.headers.contains_key(header::IF_MATCH) {
            return Ok(Self::default());
        }
        let tags = tags(parts, header::IF_MATCH);
        if tags.iter().any(|tag| tag == "*") {
            return Ok(Self::default());
        }
        let named: Vec<i64> = tags.iter().filter_map(|tag| json_revision(tag)).collect();
        Ok(Self(if named.is_empty() { vec![0] } else { named }))
    }
}

/// How far past the latest revision a held `If-None-Match` tag is heeded: a
/// tag further ahead would need that many saves between the read and the
/// write to matter.
const MAX_GUESSED_AHEAD: i64 = 1_000;

impl IfMatch {
    /// The revisions a change may find latest under `If-None-Match` as well
    /// (RFC 9110 §13.2.2: `If-Match` first, then `If-None-Match`): without
    /// one, this header's. With one, the latest revision is read (`latest`;
    /// a missing scenario is its 404): a held tag of it, or `*`, refuses the
    /// change (412). Otherwise the revisions the held tags name are left out
    /// of what the write may find: revisions only grow, so tags of the latest
    /// or older ones need no condition (concurrent saves all land, as without
    /// the header), and a tag of a later one (a guess) pins the write to the
    /// revisions up to just past it.
    pub async fn and_none_of<E>(
        self,
        held: &IfNoneMatch,
        latest: impl Future<Output = Result<i64, E>>,
    ) -> Result<Vec<i64>, ApiError>
    where
        ApiError: From<E>,
    {
        if held.is_empty() {
            return Ok(self.0);
        }
        let latest = latest.await?;
        if !self.0.is_empty() && !self.0.contains(&latest) {
            return Err(ApiError::Service(ServiceError::RevisionMoved));
        }
        if held.matches(&EntityTag::new("json", latest, "")) {
            return Err(ApiError::RevisionMatched);
        }
        let named = held.json_revisions();
        let not_named = |revision: &i64| !named.contains(revision);
        Ok(match (self.0.is_empty(), named.iter().max()) {
            (false, _) => self.0.into_iter().filter(not_named).collect(),
            // Bounded: a tag of revision 2^63 must not list them all.
            (true, Some(&last)) if last > latest => {
                let end = last
                    .min(latest.saturating_add(MAX_GUESSED_AHEAD))
                    .saturating_add(1);
                (latest..=end).filter(not_named).collect()
            }
            (true, _) => Vec::new(),
        })
    }
}

/// The revision whose JSON `tag` is, if it is one.
fn json_revision(tag: &str) -> Option<i64> {
    let number = tag.strip_prefix("\"json.r")?.split_once('.')?.0;
    let revision: i64 = number.parse().ok()?;
    (EntityTag::new("json", revision, "").0 == tag).then_some(revision)
}

/// `If-Match`, as the OpenAPI document lists it on the changes.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
pub struct IfMatchHeader {
    /// The `ETag` of the revision the change is based on (from `GET`, or the
    /// last change's answer): the change is made only while that revision is
    /// the latest, else 412 and nothing is written. `*`, or none: no condition.
    #[param(rename = "If-Match")]
    #[expect(dead_code, reason = "documents the header only: `IfMatch` reads it")]
    pub if_match: Option<String>,
    /// `*`, or `ETag`s: the change is made only while the latest revision's
    /// tag is not among them (`*`: never, the scenario exists), else 412 and
    /// nothing is written.
    #[param(rename = "If-None-Match")]
    #[expect(
        dead_code,
        reason = "documents the header only: `IfNoneMatch` reads it"
    )]
    pub if_none_match: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_change_with_revision_kind_and_variant_and_match_weakly() {
        let tag = EntityTag::new("csv", 3, "");
        assert_eq!(tag.0, format!("\"csv.r3.m{MODEL_VERSION}\""));
        assert_ne!(tag, EntityTag::new("csv", 4, ""));
        assert_ne!(tag, EntityTag::new("json", 3, ""));
        assert_ne!(
            EntityTag::new("forecast", 3, "2027-01"),
            EntityTag::new("forecast", 3, "2027-02")
        );
        let held = IfNoneMatch(vec!["\"other\"".into(), format!("W/{}", tag.0)]);
        assert!(held.matches(&tag));
        assert!(!IfNoneMatch::default().matches(&tag));
        assert!(IfNoneMatch(vec!["*".into()]).matches(&tag));
    }
}

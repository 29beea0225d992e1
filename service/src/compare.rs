//! Comparing saved scenarios: reading the ids people paste (bare or as share
//! links), loading the scenarios side by side, and naming the scenarios a browser
//! owns so it can pick from them.

use crate::error::shown;
use crate::{ScenarioDocument, Service, ServiceError, secrets};
use crate::{scenarios, store};

/// Most scenarios one comparison may hold.
pub const MAX_COMPARE: usize = 10;

/// Most ids one [`Service::names`] looks up: a browser holding hundreds of edit
/// tokens still gets a fast page.
pub const MAX_NAMES: usize = 50;

/// Scenario ids from what people paste: bare ids or share links
/// (`https://…/s/{id}`, a query or fragment after it ignored, and so is what
/// follows the id: a chart's, revision's or export's link names its scenario
/// too), separated by commas or white space. Empty parts are dropped; nothing
/// is checked here.
pub fn ids_from_links(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter_map(|part| {
            let link = part.split(['?', '#']).next().unwrap_or(part);
            // A page's link (`/s/{id}/…`) or the API's (`/scenarios/{id}/…`).
            let deep = link
                .split_once("/s/")
                .or_else(|| link.split_once("/scenarios/"));
            match deep {
                Some((_, rest)) => rest.split('/').next(),
                None => link.trim_end_matches('/').rsplit('/').next(),
            }
        })
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Keeps the first of each id, in order (a link pasted twice is one scenario).
pub fn each_once(ids: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
}

/// The scenarios a comparison found, in the order asked, and the ids that
/// answer to none (deleted, or mistyped).
#[derive(Debug, Default)]
pub struct Found {
    /// The latest revision of each id found.
    pub documents: Vec<ScenarioDocument>,
    /// The ids no scenario answers to, in the order asked.
    pub missing: Vec<String>,
}

/// See [`Service::compare`].
pub(crate) async fn compare(
    service: &Service,
    text: &str,
) -> Result<Vec<ScenarioDocument>, ServiceError> {
    let found = compare_ids(service, &ids_from_links(text)).await?;
    // The API is strict: a script that names a scenario wants that one. All
    // the missing are named, so that one answer finds every dead id.
    let mut missing = found.missing;
    each_once(&mut missing);
    match missing.as_slice() {
        [] => Ok(found.documents),
        [id] => Err(ServiceError::scenario_not_found(id)),
        ids => Err(ServiceError::NotFound(format!(
            "scenarios {}",
            ids.iter()
                .map(|id| shown(id))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// See [`Service::compare_ids`].
pub(crate) async fn compare_ids(service: &Service, ids: &[String]) -> Result<Found, ServiceError> {
    if ids.is_empty() {
        return Err(ServiceError::invalid(
            "ids",
            "name at least one scenario id",
        ));
    }
    if ids.len() > MAX_COMPARE {
        return Err(ServiceError::invalid(
            "ids",
            format!("at most {MAX_COMPARE} scenarios, not {}", ids.len()),
        ));
    }
    let mut found = Found::default();
    for id in ids {
        match scenarios::get(service, id).await {
            Ok(document) => found.documents.push(document),
            Err(ServiceError::NotFound(_)) => found.missing.push(id.clone()),
            Err(error) => return Err(error),
        }
    }
    Ok(found)
}

/// See [`Service::names`].
pub(crate) async fn names(
    service: &Service,
    ids: &[String],
) -> Result<Vec<(String, String)>, ServiceError> {
    let mut wanted: Vec<&str> = Vec::new();
    for id in ids.iter().filter(|id| secrets::looks_like_id(id)) {
        if wanted.len() == MAX_NAMES {
            break;
        }
        if !wanted.contains(&id.as_str()) {
            wanted.push(id);
        }
    }
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    Ok(store::names(&service.db, &wanted).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewScenario;
    use crate::store::RevisionWrite;

    #[test]
    fn links_and_ids_separated_by_commas_or_spaces() {
        let text = "https://plan.example.com/s/AAAA/, BBBB\n/s/CCCC?x=1 ,, DDDD#top";
        assert_eq!(ids_from_links(text), ["AAAA", "BBBB", "CCCC", "DDDD"]);
        let deeper = "https://p.example/s/EEEE/charts/cumulative.svg /api/v1/scenarios/FFFF \
                      https://p.example/s/GGGG/revisions/2 /api/v1/scenarios/HHHH/export.csv \
                      /api/v1/scenarios/IIII/revisions/2";
        assert_eq!(
            ids_from_links(deeper),
            ["EEEE", "FFFF", "GGGG", "HHHH", "IIII"]
        );
        assert!(ids_from_links(" , ").is_empty());
    }

    async fn create(service: &Service, name: &str) -> String {
        let new = NewScenario {
            name: name.to_owned(),
            input: Default::default(),
        };
        service.create(new).await.expect("create").id
    }

    #[tokio::test]
    async fn names_keep_the_order_given_and_skip_unknown_ids() {
        let dir = tempfile::tempdir().expect("temp dir");
        let service = Service::for_tests(&dir).await;
        let a = create(&service, "Alpha").await;
        let b = create(&service, "Beta").await;
        // Stored input that no model could read: proves names never recalculate.
        let broken = secrets::new_id();
        let write = RevisionWrite {
            name: Some("Broken"),
            input_json: Some("not json"),
            model_version: "0",
            based_on: &[],
        };
        store::insert(&service.db, &broken, b"hash", &write)
            .await
            .expect("insert");
        assert!(service.get(&broken).await.is_err(), "get recalculates");
        let unknown = secrets::new_id();

        let asked = [&*b, &*unknown, &*broken, "junk", &*a, &*b].map(str::to_owned);
        let names = service.names(&asked).await.expect("names");

        let expected =
            [(b, "Beta"), (broken, "Broken"), (a, "Alpha")].map(|(id, name)| (id, name.to_owned()));
        assert_eq!(names, expected);
        assert!(service.names(&[]).await.expect("none").is_empty());
    }

    #[tokio::test]
    async fn names_look_up_at_most_fifty_ids() {
        let dir = tempfile::tempdir().expect("temp dir");
        let service = Service::for_tests(&dir).await;
        let mut ids: Vec<String> = (0..MAX_NAMES).map(|_| secrets::new_id()).collect();
        let last = create(&service, "Fifty-first").await;
        ids.push(last.clone());

        assert!(service.names(&ids).await.expect("names").is_empty());
        assert_eq!(service.names(&ids[1..]).await.expect("names").len(), 1);
    }
}

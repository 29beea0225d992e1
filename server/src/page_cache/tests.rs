//! The page cache keeps within its bytes, and keeps only pages of the scenario.
use super::*;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue};

#[tokio::test]
async fn the_cache_stays_within_its_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let db = clusterplan_service::Database::connect(&url)
        .await
        .expect("db");
    let cache = PageCache::with_capacity(Service::new(db, ""), 500_000);
    for revision in 0..200 {
        let page = Arc::new(Template::new(HeaderMap::new(), &[b'x'; 20_000]));
        let key = PageKey {
            id: "abc".into(),
            revision,
            model_version: MODEL_VERSION,
        };
        cache.pages.insert(key, page);
        assert!(
            cache.pages.weight() <= 500_000,
            "{} bytes",
            cache.pages.weight()
        );
    }
    assert!(
        cache.pages.len() >= 10,
        "it keeps pages: {}",
        cache.pages.len()
    );
}

/// Renders of `/s/{id}` through the cache by a page that answers 200 HTML,
/// marked as showing `marked` (or not marked), asked twice.
async fn renders(marked: Option<i64>) -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tower::ServiceExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let service = Service::new(
        clusterplan_service::Database::connect(&url).await.unwrap(),
        "",
    );
    let new = clusterplan_service::NewScenario {
        name: "Plan".into(),
        input: Default::default(),
    };
    let id = service.create(new).await.expect("stored").id;
    let count = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&count);
    let page = move || async move {
        counter.fetch_add(1, Ordering::SeqCst);
        let mut response = axum::response::Html("<p>busy, or the plan</p>").into_response();
        if let Some(revision) = marked {
            let value = HeaderValue::from(revision);
            response.headers_mut().insert(app::RENDERED_REVISION, value);
        }
        response
    };
    let router = axum::Router::new()
        .route("/s/{id}", axum::routing::get(page))
        .layer(axum::middleware::from_fn_with_state(
            PageCache::new(service),
            serve,
        ));
    for _ in 0..2 {
        let request = Request::get(format!("/s/{id}"))
            .body(Body::empty())
            .unwrap();
        let response = router.clone().oneshot(request).await.unwrap();
        assert!(!response.headers().contains_key(app::RENDERED_REVISION));
    }
    count.load(Ordering::SeqCst)
}

#[tokio::test]
async fn only_a_page_that_rendered_the_revision_is_kept() {
    assert_eq!(renders(Some(1)).await, 1, "kept after the first render");
    assert_eq!(
        renders(None).await,
        2,
        "a page without the scenario is not kept"
    );
    assert_eq!(renders(Some(2)).await, 2, "nor one of another revision");
}

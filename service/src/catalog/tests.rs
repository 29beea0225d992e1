//! Filters, pages and parameter errors of the catalog query.

use super::*;

fn page(query: CatalogQuery) -> CatalogDocument {
    catalog_page(&CatalogFilter::parse(&query).expect("a valid query"))
}

#[test]
fn filters_combine() {
    let doc = page(CatalogQuery {
        family: Some("M7G".into()),
        min_vcpu: Some("4".into()),
        max_vcpu: Some("8".into()),
        ..Default::default()
    });
    let names: Vec<&str> = doc
        .catalog
        .instance_types
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["m7g.2xlarge", "m7g.xlarge"]);
    assert_eq!((doc.matched, doc.next_cursor), (2, None));
    let gpus = page(CatalogQuery {
        gpu: Some("true".into()),
        limit: Some("500".into()),
        ..Default::default()
    });
    assert!(gpus.catalog.instance_types.iter().all(|t| t.gpus > 0));
    assert!(gpus.matched > 0);
}

#[test]
fn pages_follow_their_cursor() {
    let first = page(CatalogQuery {
        q: Some("XLARGE".into()),
        limit: Some("2".into()),
        ..Default::default()
    });
    let cursor = first.next_cursor.clone().expect("more pages");
    assert_eq!(
        Some(cursor.as_str()),
        first.catalog.instance_types.last().map(|t| t.name.as_str())
    );
    let second = page(CatalogQuery {
        q: Some("xlarge".into()),
        limit: Some("2".into()),
        cursor: Some(cursor.clone()),
        ..Default::default()
    });
    assert!(
        second
            .catalog
            .instance_types
            .iter()
            .all(|t| t.name > cursor)
    );
    assert_eq!(first.matched, second.matched);
}

#[test]
fn bad_parameters_are_named() {
    let query = CatalogQuery {
        arch: Some("x86".into()),
        min_vcpu: Some("four".into()),
        min_memory_gib: Some("-1".into()),
        gpu: Some("yes".into()),
        limit: Some("501".into()),
        cursor: Some("nope".into()),
        ..Default::default()
    };
    let Err(ServiceError::Invalid(errors)) = CatalogFilter::parse(&query) else {
        panic!("invalid");
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "min_vcpu",
            "min_memory_gib",
            "gpu",
            "limit",
            "arch",
            "cursor"
        ]
    );
}

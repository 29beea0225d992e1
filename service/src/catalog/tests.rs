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

#[test]
fn a_form_blank_box_is_no_filter_and_unknown_boxes_are_named() {
    let query = CatalogQuery::from_form("q=m7g&family=&arch=+&min_vcpu=4&cursor=").expect("valid");
    assert_eq!(query.q.as_deref(), Some("m7g"));
    assert!(query.family.is_none() && query.arch.is_none() && query.cursor.is_none());
    assert_eq!(query.min_vcpu.as_deref(), Some("4"));
    let unknown = CatalogQuery::from_form("min_cpu=4").expect_err("unknown parameter");
    assert!(unknown.contains("min_cpu"), "{unknown}");
    let repeated = CatalogQuery::from_form("q=a&q=b").expect_err("repeated parameter");
    assert!(repeated.contains("`q`"), "{repeated}");
    assert!(CatalogQuery::from_form("").is_ok());
    assert_eq!(query.to_query(), "q=m7g&min_vcpu=4");
    assert_eq!(CatalogQuery::default().to_query(), "");
}

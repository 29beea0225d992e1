//! The import's gzip bodies, its size limit and its query.

use std::io::Write;
use std::sync::atomic::AtomicBool;

use super::*;

const LIST: &[u8] = include_bytes!("../../../tests/fixtures/kubectl/eks-list.json");

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("compress");
    encoder.finish().expect("compress")
}

fn json(imported: &Imported) -> serde_json::Value {
    serde_json::to_value(imported).expect("json")
}

#[test]
fn a_gzip_body_imports_as_the_plain_one_does() {
    for sizing in [Sizing::Nodes, Sizing::Requests] {
        let plain = import_kubernetes(LIST, sizing).expect("plain");
        let packed = import_kubernetes(&gzip(LIST), sizing).expect("gzip");
        assert_eq!(json(&plain), json(&packed));
    }
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(LIST);
    let read = import_kubernetes(&gzip(&with_bom), Sizing::Nodes).expect("a BOM is skipped");
    assert_eq!(read.report.nodes, 7);
}

#[test]
fn decompressing_stops_at_the_limit() {
    let body = format!("{{\"kind\": \"List\", \"items\": [{}]}}", " ".repeat(4000));
    let packed = gzip(body.as_bytes());
    let going = AtomicBool::new(false);
    let at_limit = read_gzip(&packed, body.len(), &going);
    assert!(at_limit.is_ok(), "exactly at the limit");
    let error = read_gzip(&packed, body.len() - 1, &going).expect_err("past the limit");
    assert!(matches!(error, ServiceError::TooLarge(_)), "{error:?}");
    assert_eq!(error.refusal().status(), 413);
}

/// Past the plain body's 32 MiB, a gzip body grows at most 100 times its own
/// size: 40 MiB of filler packed into about 40 KiB is refused once 32 MiB are
/// read, and costs the import thread no more than a plain body would.
#[test]
fn a_body_that_grows_past_its_ratio_is_refused_early() {
    let filler = format!(
        "{{\"kind\": \"List\", \"items\": [], \"x\": [{}0]}}",
        "0,".repeat(20 << 20)
    );
    let packed = gzip(filler.as_bytes());
    assert!(
        packed.len() * MAX_GZIP_RATIO < 32 << 20,
        "{} bytes",
        packed.len()
    );
    let error = import_kubernetes(&packed, Sizing::Nodes).expect_err("a bomb");
    assert_eq!(error.refusal().status(), 413);
    assert!(
        error
            .to_string()
            .contains("more than 100 times its own size"),
        "{error}"
    );
    // Bytes after the gzip data, zeros (padding, accepted) or not, do not
    // raise its limit: 1 MiB of them would have let the 40 MiB through.
    for pad in [0, 1] {
        let mut padded = packed.clone();
        padded.resize(1 << 20, pad);
        let error = import_kubernetes(&padded, Sizing::Nodes).expect_err("a padded bomb");
        assert_eq!(error.refusal().status(), 413, "{pad}: {error}");
    }
    // Under 32 MiB any ratio is read.
    let small = format!(
        "{{\"kind\": \"List\", \"items\": [], \"x\": [{}0]}}",
        "0,".repeat(1 << 20)
    );
    let error = import_kubernetes(&gzip(small.as_bytes()), Sizing::Nodes).expect_err("empty");
    assert_eq!(
        error.refusal().status(),
        422,
        "an empty list, read whole: {error}"
    );
}

#[test]
fn a_broken_gzip_body_is_a_400() {
    let mut packed = gzip(LIST);
    packed.truncate(packed.len() / 2);
    let error = import_kubernetes(&packed, Sizing::Nodes).expect_err("cut off");
    assert_eq!(error.refusal().status(), 400, "{error}");
    let mut garbled = gzip(LIST);
    garbled[20..40].fill(0xff);
    let error = import_kubernetes(&garbled, Sizing::Nodes).expect_err("garbled");
    assert_eq!(error.refusal().status(), 400, "{error}");
}

#[test]
fn the_query_takes_sizing_alone() {
    assert_eq!(sizing_from_query("").ok(), Some(Sizing::Nodes));
    assert_eq!(
        sizing_from_query("sizing=requests").ok(),
        Some(Sizing::Requests)
    );
    let typo = sizing_from_query("sizng=requests").expect_err("unknown parameter");
    assert_eq!(typo.refusal().status(), 400);
    assert!(typo.to_string().contains("sizng"), "{typo}");
    let bad = sizing_from_query("sizing=pods").expect_err("bad value");
    assert_eq!(bad.refusal().status(), 422);
}

#[test]
fn a_long_string_inside_gzip_is_refused_before_it_is_held() {
    let name = "n".repeat(guard::MAX_STRING_BYTES + 1);
    let body = format!(r#"{{"kind": "List", "items": [{{"metadata": {{"name": "{name}"}}}}]}}"#);
    let error = import_kubernetes(&gzip(body.as_bytes()), Sizing::Nodes).expect_err("too long");
    assert_eq!(error.refusal().status(), 400, "{error}");
    assert!(error.to_string().contains("longer than 2 MiB"), "{error}");
    // Escaped quotes do not end a string early; a string of exactly the limit
    // is read.
    let exactly = format!(
        r#"{{"kind": "List", "items": [{{"kind": "Node", "metadata": {{"name": "{}"}}}}]}}"#,
        "n".repeat(guard::MAX_STRING_BYTES)
    );
    assert!(import_kubernetes(&gzip(exactly.as_bytes()), Sizing::Nodes).is_ok());
    let fits = format!(
        r#"{{"kind": "List", "items": [{{"kind": "Node", "metadata": {{"name": "\"{}"}}}}]}}"#,
        "n".repeat(1000)
    );
    assert!(import_kubernetes(&gzip(fits.as_bytes()), Sizing::Nodes).is_ok());
}

#[test]
fn a_given_up_import_stops_reading() {
    let given_up = AtomicBool::new(true);
    let error = import_until(&gzip(LIST), Sizing::Nodes, &given_up).expect_err("given up");
    assert_eq!(error.refusal().status(), 503);
}

#[test]
fn a_second_gzip_member_is_refused_and_zero_padding_is_not() {
    let (nodes, pods) = (r#"{"kind": "List", "items": [{"kind": "Node"#, r#""}]}"#);
    let two = [gzip(nodes.as_bytes()), gzip(pods.as_bytes())].concat();
    let error = import_kubernetes(&two, Sizing::Nodes).expect_err("two members");
    assert_eq!(error.refusal().status(), 400, "{error}");
    assert!(
        error.to_string().contains("more than one gzip member"),
        "{error}"
    );
    let padded = [gzip(LIST), vec![0; 512]].concat();
    assert!(import_kubernetes(&padded, Sizing::Nodes).is_ok());
}

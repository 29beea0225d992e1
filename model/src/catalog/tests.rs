//! The catalog's data: the CSV in full, the classic types' figures, lookups and
//! the unknown-type message.

use super::*;

/// PLANNER.md §5: type, vCPU, GiB, USD/hour, ENIs, IPv4 per ENI.
const SPEC_TABLE: [(&str, u32, f64, f64, u32, u32); 11] = [
    ("t3.medium", 2, 4.0, 0.0416, 3, 6),
    ("m5.large", 2, 8.0, 0.096, 3, 10),
    ("m5.xlarge", 4, 16.0, 0.192, 4, 15),
    ("m6i.large", 2, 8.0, 0.096, 3, 10),
    ("m6i.xlarge", 4, 16.0, 0.192, 4, 15),
    ("m6i.2xlarge", 8, 32.0, 0.384, 4, 15),
    ("m7g.large", 2, 8.0, 0.0816, 3, 10),
    ("m7g.xlarge", 4, 16.0, 0.1632, 4, 15),
    ("c6i.xlarge", 4, 8.0, 0.17, 4, 15),
    ("r6i.large", 2, 16.0, 0.126, 3, 10),
    ("r6i.xlarge", 4, 32.0, 0.252, 4, 15),
];

#[test]
fn the_catalog_is_every_row_of_the_csv_sorted_and_unique() {
    let c = catalog();
    assert_eq!(c.instance_types.len(), 1_345);
    assert_eq!(Catalog::BUILT_IN_TYPES, 1_345);
    assert!(
        c.instance_types.windows(2).all(|w| w[0].name < w[1].name),
        "sorted by name without duplicates"
    );
    assert!(c.instance_types.iter().all(|t| t.name.len() <= 40));
    let arm = c
        .instance_types
        .iter()
        .filter(|t| t.arch == "arm64")
        .count();
    assert_eq!(arm, 396);
    assert_eq!(c.prices_taken_on, "2026-07-20");
    assert_eq!(c.sources.len(), 3);
}

#[test]
fn the_classic_types_keep_their_section_5_figures_in_the_full_catalog() {
    let classic = Catalog::classic_types();
    assert_eq!(classic.len(), SPEC_TABLE.len());
    for ((name, vcpu, gib, usd, enis, ips), t) in SPEC_TABLE.iter().zip(classic) {
        assert_eq!(t.name, *name, "§5 order");
        assert_eq!(
            (t.vcpu, t.memory_gib, t.hourly_usd, t.enis, t.ipv4_per_eni),
            (*vcpu, *gib, *usd, *enis, *ips),
            "{name}"
        );
        assert_eq!(catalog().get(name), Some(t), "{name}: the CSV agrees");
    }
}

#[test]
fn lookups_find_any_type_and_nothing_else() {
    let c = catalog();
    for t in &c.instance_types {
        assert_eq!(c.get(&t.name), Some(t));
    }
    let gpu = c.get("p5.48xlarge").expect("a GPU type");
    assert_eq!((gpu.gpus, gpu.family.as_str()), (8, "p5"));
    assert_eq!(c.get("m7g.large").map(|t| t.arch.as_str()), Some("arm64"));
    assert!(c.get("custom").is_none());
    assert!(c.get("M6I.LARGE").is_none(), "names are exact");
    assert_eq!(c.tier("xl").map(|t| t.hourly_usd), Some(1.65));
}

#[test]
fn rows_are_counted_with_or_without_a_last_line_end() {
    assert_eq!(rows::count(b"h\r\na\r\nb\r\n"), 2);
    assert_eq!(rows::count(b"h\na\nb"), 2);
    assert_eq!(rows::count(b"h\n"), 0);
}

#[test]
fn a_malformed_row_is_refused() {
    let header = rows::HEADER;
    let good = "m6i.large,m6i,2,8.0,amd64,0,0.096,3,10,29";
    assert_eq!(rows::parse(&format!("{header}\r\n{good}\r\n")).len(), 1);
    for bad in [
        "m6i.large,m6i,2,8.0,amd64,0,0.096,3,10,30",
        "m6i.large,m5,2,8.0,amd64,0,0.096,3,10,29",
        "m6i.large,m6i,2,8.0,x86,0,0.096,3,10,29",
        "m6i.large,m6i,two,8.0,amd64,0,0.096,3,10,29",
        "m6i.large,m6i,2,8.0,amd64,0,0.096,3,10",
    ] {
        let csv = format!("{header}\n{bad}\n");
        assert!(
            std::panic::catch_unwind(|| rows::parse(&csv)).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn unknown_type_message_suggests_near_names() {
    assert_eq!(
        unknown_type_message("m6i.xlarg"),
        "\"m6i.xlarg\" is not in the catalog; did you mean m6i.xlarge, m6i.large or m6i.2xlarge?"
    );
    let one = unknown_type_message("t3.mediun");
    assert!(
        one.starts_with("\"t3.mediun\" is not in the catalog; did you mean t3.medium"),
        "{one}"
    );
    assert_eq!(
        unknown_type_message("banana"),
        "\"banana\" is not in the catalog (GET /api/v1/catalog lists it)."
    );
    let long = unknown_type_message(&"x".repeat(10_000));
    assert!(long.len() < 120, "{long}");
    assert_eq!(
        unknown_type_message("say \"hi\""),
        "\"say \\\"hi\\\"\" is not in the catalog (GET /api/v1/catalog lists it)."
    );
}

#[test]
fn unknown_types_are_field_errors_that_suggest_names() {
    let input = br#"{"workers": {"instance_type": "m6i.xlarg"},
        "self_hosted": {"control_plane_instance_type": "r6i.larg"}}"#;
    let Err(crate::InputError::Invalid(errors)) = crate::calculate_json(input) else {
        panic!("unknown types are invalid input");
    };
    let message = |field: &str| {
        let error = errors.iter().find(|e| e.field == field);
        error.map(|e| e.message.clone()).unwrap_or_default()
    };
    assert!(message("workers.instance_type").contains("did you mean m6i.xlarge"));
    assert!(message("workers.instance_type").contains("\"custom\""));
    assert!(message("self_hosted.control_plane_instance_type").contains("did you mean r6i.large"));
}

#[test]
fn the_count_reads_with_thousands_separators() {
    assert_eq!(Catalog::BUILT_IN_TYPES_TEXT, "1,345");
    let text = |n| {
        let (bytes, at) = super::rows::grouped(n);
        String::from_utf8(bytes[at..].to_vec()).unwrap()
    };
    assert_eq!(
        (text(0), text(999), text(1000)),
        ("0".into(), "999".into(), "1,000".into())
    );
    assert_eq!(text(1_234_567), "1,234,567");
}

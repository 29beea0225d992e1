//! How the import names pools: short, valid, distinct, whatever the labels hold.

use super::Sizing;
use super::tests::{import, pools};

#[test]
fn a_huge_or_tricky_capacity_label_makes_a_short_valid_pool_name() {
    let capacity = format!("spo\u{202E}t{}", "x".repeat(200_000));
    let body = serde_json::json!({"kind": "List", "items": [{"kind": "Node",
        "metadata": {"labels": {"node.kubernetes.io/instance-type": "m6i.xlarge",
                                "karpenter.sh/capacity-type": capacity}},
        "status": {"capacity": {"cpu": "4", "memory": "16Gi", "pods": "58"}}}]});
    let imported = import(&body.to_string(), Sizing::Nodes);
    let name = pools(&imported)[0].name.clone().expect("a name");
    assert!(
        name.chars().count() <= 60,
        "{} characters",
        name.chars().count()
    );
    assert!(!name.chars().any(crate::unfit_for_names), "{name:?}");
    let scenario = crate::Scenario::try_from(imported.input);
    assert!(scenario.is_ok(), "{:?}", scenario.err());
}

#[test]
fn what_names_a_pool_decides_it() {
    // `SPOT` with a NUL, U+202E and a zero-width space: named "… spot", Spot.
    let body = serde_json::json!({"kind": "List", "items": [{"kind": "Node",
        "metadata": {"labels": {"node.kubernetes.io/instance-type": "m5.large",
                                "eks.amazonaws.com/capacityType": "SPOT\u{0}\u{202E}\u{200B}"}},
        "status": {"capacity": {"cpu": "2", "memory": "8Gi", "pods": "29"}}}]});
    let imported = import(&body.to_string(), Sizing::Nodes);
    let pool = &pools(&imported)[0];
    assert_eq!(pool.name.as_deref(), Some("m5.large spot"));
    assert_eq!(pool.spot_share_pct, Some(100.0));
}

#[test]
fn labels_of_nothing_visible_are_no_labels_and_the_pool_keeps_a_name() {
    for blank in [" ", "\u{3000}", "\u{202E}", "\u{200B}"] {
        let body = serde_json::json!({"kind": "List", "items": [{"kind": "Node",
            "metadata": {"labels": {"node.kubernetes.io/instance-type": blank,
                                    "eks.amazonaws.com/capacityType": blank}},
            "status": {"capacity": {"cpu": "2", "memory": "8Gi", "pods": "29"}}}]});
        let imported = import(&body.to_string(), Sizing::Nodes);
        assert_eq!(pools(&imported)[0].name.as_deref(), Some("unlabelled"));
        // Calculating it may still need a price, never a name.
        let refused = crate::Scenario::try_from(imported.input).err();
        let fields: Vec<String> =
            refused.map_or(vec![], |e| e.0.into_iter().map(|e| e.field).collect());
        assert!(
            !fields.iter().any(|f| f.ends_with(".name")),
            "{blank:?}: {fields:?}"
        );
    }
}

#[test]
fn pools_whose_names_would_repeat_are_numbered() {
    let node = |instance_type: String| {
        serde_json::json!({"kind": "Node",
            "metadata": {"labels": {"node.kubernetes.io/instance-type": instance_type}},
            "status": {"capacity": {"cpu": "2", "memory": "8Gi", "pods": "29"}}})
    };
    let long = "a".repeat(40);
    let items: Vec<_> = (1..=3).map(|n| node(format!("{long}{n}"))).collect();
    let body = serde_json::json!({"kind": "List", "items": items});
    let imported = import(&body.to_string(), Sizing::Nodes);
    let names: Vec<_> = pools(&imported)
        .iter()
        .map(|p| p.name.clone().unwrap())
        .collect();
    assert_eq!(
        names,
        [long.clone(), format!("{long} 2"), format!("{long} 3")]
    );
    let refused = crate::Scenario::try_from(imported.input).err();
    let fields: Vec<String> =
        refused.map_or(vec![], |e| e.0.into_iter().map(|e| e.field).collect());
    assert!(!fields.iter().any(|f| f.ends_with(".name")), "{fields:?}");
}

//! "Send it back to get the same result": the `inputs` a result echoes, and
//! the `input` a saved scenario holds, are taken back however large the
//! limits let them grow (a 64 KiB body limit refused the echo of 18 groups of
//! default pools).

use serde_json::{Value, json};

use crate::helpers::spawn_app;

/// A name of 60 four-byte characters, told apart by its last two.
fn long_name(n: usize) -> String {
    format!("{}{n:02}", "😀".repeat(58))
}

/// The largest input the limits allow, near enough: 20 groups of 10 custom
/// pools with every member set to a long number, 20 line items, every name
/// at its longest.
fn largest_input() -> Value {
    let pool = |p| {
        json!({
            "name": long_name(p), "compute": "ec2", "instance_type": "custom",
            "custom": {"vcpu": 1000.1234567890123, "memory_gib": 65535.12345678901,
                "hourly_usd": 999999.1234567891, "max_pods_vpc_cni": 9999},
            "workload": {"cpu_request_cores": 999999.1234567891,
                "memory_request_gib": 9999999.12345679, "pods": 9999999},
            "headroom_pct": 199.12345678901235, "min_nodes_per_cluster": 999,
            "system_pods_per_node": 49, "volume_gib_per_node": 16383.123456789011,
            "compute_discount_pct": 99.12345678901234, "spot_share_pct": 99.12345678901234,
            "self_hosted_hourly_usd": 999999.1234567891,
        })
    };
    let group = |g| json!({"name": long_name(g), "clusters": 50, "pools": (0..10).map(pool).collect::<Vec<_>>()});
    let item = |i| {
        json!({"name": long_name(i), "option": "self_hosted", "per": "cluster",
            "monthly_usd": 999999999.1234567, "one_off_usd": 999999999.1234567})
    };
    json!({
        "fleet": (0..20).map(group).collect::<Vec<_>>(),
        "line_items": (0..20).map(item).collect::<Vec<_>>(),
    })
}

/// `json` with every character outside ASCII written as `\u` escapes (UTF-16
/// pairs above the first plane), as Python's `json.dumps` writes it.
fn ascii_only(json: &[u8]) -> Vec<u8> {
    let mut out = String::new();
    for c in std::str::from_utf8(json).expect("UTF-8").chars() {
        match c.is_ascii() {
            true => out.push(c),
            false => {
                let mut units = [0; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    out.into_bytes()
}

#[tokio::test]
async fn the_largest_echoed_inputs_are_taken_back() {
    let app = spawn_app().await;
    let first = app.calculate(&largest_input()).await;
    assert_eq!(first.status(), 200);
    let first = first.bytes().await.unwrap();
    let result: Value = serde_json::from_slice(&first).unwrap();
    let echoed = serde_json::to_vec(&result["inputs"]).unwrap();
    assert!(
        echoed.len() > 150 * 1024,
        "{} bytes: not the largest",
        echoed.len()
    );

    let escaped = ascii_only(&echoed);
    assert!(
        escaped.len() > 256 * 1024,
        "{} bytes escaped",
        escaped.len()
    );
    for body in [echoed, escaped] {
        let again = app
            .post_raw("/api/v1/calculate", "application/json", body)
            .await;
        assert_eq!(again.status(), 200, "the echo is taken back");
        assert_eq!(again.bytes().await.unwrap(), first, "to the same result");
    }

    // A saved scenario's stored input, sent back as it is read.
    let created = app.create_scenario("Largest", largest_input()).await;
    let stored: Value = app
        .get(&format!("/api/v1/scenarios/{}", created.id))
        .await
        .json()
        .await
        .unwrap();
    let body = json!({"name": "Largest", "input": stored["input"]});
    let put = app
        .update_scenario(&created.id, Some(&created.edit_token), &body)
        .await;
    assert!(put.status().is_success(), "{}", put.status());
}

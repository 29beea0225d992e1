//! The import answers a refusal or an input that validation refuses for
//! nothing but what `report.needs` lists: a node named twice, a capacity of
//! nothing and a figure outside the model's range are refused, by path or by pool.

use serde_json::json;

use super::pool_tests::{list, node, pod};
use super::tests::needs;
use super::*;

fn refused(body: &str, sizing: Sizing) -> Vec<FieldError> {
    match import_json(body.as_bytes(), sizing) {
        Err(InputError::Invalid(errors)) => errors,
        other => panic!("{other:?}"),
    }
}

fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

#[test]
fn a_node_name_used_twice_is_refused_at_the_later_item() {
    let m6i = json!({"node.kubernetes.io/instance-type": "m6i.large"});
    let twice = list(&[
        node("n1", m6i.clone(), "2", "8Gi"),
        node("n2", m6i.clone(), "2", "8Gi"),
        node("n1", m6i.clone(), "2", "8Gi"),
    ]);
    let errors = refused(&twice, Sizing::Nodes);
    assert_eq!(fields(&errors), ["items[2].metadata.name"]);
    assert!(
        errors[0].message.contains("the node at items[0] too"),
        "{errors:?}"
    );
    assert!(
        !errors[0].message.contains("n1"),
        "no node name in an answer"
    );
    let parts = json!({"nodes": {"kind": "NodeList", "items": [
        node("n1", m6i.clone(), "2", "8Gi"), node("n1", m6i, "2", "8Gi")]}});
    let errors = refused(&parts.to_string(), Sizing::Nodes);
    assert_eq!(fields(&errors), ["nodes.items[1].metadata.name"]);
}

#[test]
fn a_capacity_of_nothing_is_refused_at_its_path() {
    let zero = |capacity: serde_json::Value| {
        json!({"kind": "List", "items": [{"kind": "Node", "status": {"capacity": capacity}}]})
            .to_string()
    };
    for (capacity, at) in [
        (json!({"cpu": "0", "memory": "8Gi"}), "cpu"),
        (json!({"cpu": "-0", "memory": "8Gi"}), "cpu"),
        (json!({"cpu": -0.0, "memory": "8Gi"}), "cpu"),
        (json!({"cpu": "2", "memory": "0Ki"}), "memory"),
        (json!({"cpu": "2", "pods": "0"}), "pods"),
    ] {
        let errors = refused(&zero(capacity.clone()), Sizing::Nodes);
        let want = format!("items[0].status.capacity.{at}");
        assert_eq!(fields(&errors), [want.as_str()], "{capacity}");
    }
    let negative = refused(&zero(json!({"cpu": "-2"})), Sizing::Nodes);
    assert_eq!(fields(&negative), ["items[0].status.capacity.cpu"]);
}

#[test]
fn a_figure_the_model_refuses_is_refused_naming_its_pool_and_limit() {
    let m6i = json!({"node.kubernetes.io/instance-type": "m6i.large"});
    let fargate = json!({"eks.amazonaws.com/compute-type": "fargate"});
    for (body, figure, limit) in [
        (
            list(&[node("a", m6i.clone(), "2", "8Gi"), pod("a", "1.5Gi")]),
            "workload.cpu_request_cores",
            "between 0 and 1000000",
        ),
        (
            list(&[node("a", m6i.clone(), "2", "8Gi"), pod("a", "1e18")]),
            "workload.cpu_request_cores",
            "between 0 and 1000000",
        ),
        (
            list(&[node("a", json!({}), "50m", "8Gi"), pod("a", "1")]),
            "custom.vcpu",
            "between 0.1 and 1024",
        ),
        (
            list(&[node("f", fargate, "32", "64Gi"), pod("f", "20")]),
            "workload",
            "Fargate's largest",
        ),
    ] {
        let errors = refused(&body, Sizing::Requests);
        assert_eq!(fields(&errors), [""], "{errors:?}");
        let message = &errors[0].message;
        assert!(message.contains("the imported pool \""), "{message}");
        assert!(message.contains(&format!("its {figure} (")), "{message}");
        assert!(message.contains(limit), "{message}");
    }
    let memory = json!({"kind": "List", "items": [
        node("a", m6i, "2", "8Gi"),
        {"kind": "Pod", "spec": {"nodeName": "a", "containers":
            [{"resources": {"requests": {"memory": "1Ei"}}}]}}]});
    let errors = refused(&memory.to_string(), Sizing::Requests);
    assert!(
        errors[0].message.contains("workload.memory_request_gib"),
        "{errors:?}"
    );
}

#[test]
fn every_answer_calculates_once_its_needs_are_given() {
    let fixtures = [
        include_str!("../../../tests/fixtures/kubectl/eks-list.json"),
        include_str!("../../../tests/fixtures/kubectl/apiserver-auto-mode.json"),
        include_str!("../../../tests/fixtures/kubectl/k9s-minikube.json"),
    ];
    for body in fixtures {
        for sizing in [Sizing::Nodes, Sizing::Requests] {
            let imported = import_json(body.as_bytes(), sizing).expect("imports");
            let Err(invalid) = crate::Scenario::try_from(imported.input) else {
                continue;
            };
            let needs: Vec<_> = imported.report.needs.iter().map(|n| &n.field).collect();
            assert!(
                invalid.0.iter().all(|e| needs.contains(&&e.field)),
                "{invalid:?} beyond {needs:?}"
            );
        }
    }
}

#[test]
fn a_node_off_the_catalog_is_checked_as_if_its_price_were_given() {
    let labels = json!({"node.kubernetes.io/instance-type": "t3.micro",
        "topology.kubernetes.io/region": "eu-west-1"});
    // 1 GiB leaves nothing after the kubelet's reservation for 110 pods: a
    // refusal now, not a price to fill in and a 422 after.
    let small = list(&[node("a", labels.clone(), "2", "1Gi")]);
    let errors = refused(&small, Sizing::Nodes);
    assert!(fields(&errors).iter().all(|f| f.is_empty()), "{errors:?}");
    assert!(
        errors[0].message.contains("its custom.memory_gib (1.0")
            && errors[0].message.contains("no allocatable memory on EKS"),
        "{errors:?}"
    );

    let fits = list(&[node("a", labels, "2", "8Gi")]);
    let imported = import_json(fits.as_bytes(), Sizing::Nodes).expect("imports");
    assert_eq!(needs(&imported), ["fleet[0].pools[0].custom.hourly_usd"]);
    let mut input = imported.input;
    let pool = &mut input.fleet.as_mut().unwrap()[0].pools.as_mut().unwrap()[0];
    pool.custom.as_mut().unwrap().hourly_usd = Some(0.0104);
    crate::Scenario::try_from(input).expect("calculates once its price is given");
}

#[test]
fn a_node_whose_capacity_lacks_a_member_is_checked_with_its_most_lenient_value() {
    let unknown = json!({"node.kubernetes.io/instance-type": "zz.big"});
    let capacity = |capacity: serde_json::Value| {
        json!({"kind": "List", "items": [{"kind": "Node", "metadata": {"name": "a",
            "labels": unknown.clone()}, "status": {"capacity": capacity}}]})
        .to_string()
    };
    // 1 GiB leaves the self-hosted nodes nothing whatever their pod limit or
    // vCPUs: a refusal, not needs that no value meets.
    for small in [
        json!({"cpu": "2", "memory": "1Gi"}),
        json!({"memory": "1Gi", "pods": "110"}),
    ] {
        let errors = refused(&capacity(small.clone()), Sizing::Nodes);
        assert!(
            errors
                .iter()
                .any(|e| e.message.contains("no allocatable memory")),
            "{small}: {errors:?}"
        );
    }
    // Without its memory, a node is planned once the memory is given.
    let imported = import_json(
        capacity(json!({"cpu": "2", "pods": "20"})).as_bytes(),
        Sizing::Nodes,
    )
    .expect("imports");
    assert_eq!(
        needs(&imported),
        [
            "fleet[0].pools[0].custom.hourly_usd",
            "fleet[0].pools[0].custom.memory_gib"
        ]
    );
}

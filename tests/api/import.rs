//! `POST /api/v1/import/kubernetes` and `clusterplan import` (issue 23): the
//! fixtures of `tests/fixtures/kubectl` against a real server.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{TestApp, assert_problem, error_fields, spawn_app, spawn_app_with};

const PATH: &str = "/api/v1/import/kubernetes";
const EKS_LIST: &[u8] = include_bytes!("../fixtures/kubectl/eks-list.json");
const AUTO_MODE: &[u8] = include_bytes!("../fixtures/kubectl/apiserver-auto-mode.json");
const K9S: &[u8] = include_bytes!("../fixtures/kubectl/k9s-minikube.json");

async fn import(app: &TestApp, query: &str, body: &[u8]) -> reqwest::Response {
    let path = format!("{PATH}{query}");
    app.post_raw(&path, "application/json", body.to_vec()).await
}

#[tokio::test]
async fn a_kubectl_list_becomes_a_fleet_group_and_a_report() {
    let app = spawn_app().await;
    let response = import(&app, "", EKS_LIST).await;
    assert_eq!(response.status(), 200);
    let answer: Value = response.json().await.unwrap();
    let pools = &answer["input"]["fleet"][0]["pools"];
    assert_eq!(answer["input"]["fleet"][0]["clusters"], 1);
    assert_eq!(pools[0]["name"], "m6i.xlarge on-demand");
    assert_eq!(pools[0]["nodes_per_cluster"], 3);
    assert_eq!(pools[1]["spot_share_pct"], 100.0);
    assert_eq!(pools[2]["instance_type"], "custom");
    assert_eq!(pools[3]["compute"], "fargate");
    let report = &answer["report"];
    assert_eq!(
        (report["nodes"].as_u64(), report["pods"].as_u64()),
        (Some(7), Some(24))
    );
    assert_eq!(report["workload"]["cpu_request_cores"], 17.35);
    assert_eq!(report["daemonset_pods_per_node"], 2);
    assert_eq!(
        report["needs"][0]["field"],
        "fleet[0].pools[2].custom.hourly_usd"
    );

    // Calculating it without the price is a 422 at that field; with it, a result.
    let mut input = answer["input"].clone();
    let problem = assert_problem(app.calculate(&input).await, 422).await;
    assert_eq!(
        error_fields(&problem),
        ["fleet[0].pools[2].custom.hourly_usd"]
    );
    input["fleet"][0]["pools"][2]["custom"]["hourly_usd"] = json!(0.9);
    assert_eq!(app.calculate(&input).await.status(), 200);
}

#[tokio::test]
async fn an_api_server_nodelist_and_podlist_sized_by_requests_calculates() {
    let app = spawn_app().await;
    let answer: Value = import(&app, "?sizing=requests", AUTO_MODE)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(answer["input"]["eks"]["auto_mode"], true);
    assert_eq!(
        answer["input"]["fleet"][0]["pools"][0]["workload"]["pods"],
        2
    );
    assert_eq!(app.calculate(&answer["input"]).await.status(), 200);
}

#[tokio::test]
async fn no_name_address_or_uid_of_the_cluster_comes_back() {
    let app = spawn_app().await;
    for (body, query) in [
        (EKS_LIST, ""),
        (EKS_LIST, "?sizing=requests"),
        (K9S, ""),
        (AUTO_MODE, ""),
    ] {
        let answer = import(&app, query, body).await.text().await.unwrap();
        for secret in [
            "ip-10-0",
            "10.0.",
            "192.168",
            "payments",
            "tenant-blue",
            "secret-lab",
            "checkout",
            "ledger",
            "aws-node",
            "kube-proxy",
            "8f0e2c1a",
            "3e4f5a6b",
            "minikube",
            "nginx",
            "614908ed",
            "batch-spot",
            "i-0a0b2c",
            "shop",
            "web-5d8f",
        ] {
            assert!(!answer.contains(secret), "{secret} in {answer}");
        }
    }
}

#[tokio::test]
async fn bad_bodies_get_the_statuses_the_document_lists() {
    let app = spawn_app().await;
    let cut = import(&app, "", &EKS_LIST[..5000]).await;
    let problem = assert_problem(cut, 400).await;
    assert!(
        problem["detail"].as_str().unwrap().contains("byte 5000"),
        "{problem}"
    );

    let yaml = b"apiVersion: v1\nkind: List\nitems: []\n".to_vec();
    let problem = assert_problem(
        app.post_raw(PATH, "application/json", yaml.clone()).await,
        400,
    )
    .await;
    assert!(
        problem["detail"].as_str().unwrap().contains("-o json"),
        "{problem}"
    );
    let problem = assert_problem(app.post_raw(PATH, "application/yaml", yaml).await, 415).await;
    assert!(
        problem["detail"].as_str().unwrap().contains("-o json"),
        "{problem}"
    );
    assert_problem(app.post_raw(PATH, "text/plain", b"{}".to_vec()).await, 415).await;

    let other = import(&app, "", br#"{"kind": "DeploymentList", "items": []}"#).await;
    let problem = assert_problem(other, 422).await;
    assert_eq!(error_fields(&problem), ["kind"]);
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("DeploymentList")
    );
    let problem = assert_problem(import(&app, "?sizing=cores", EKS_LIST).await, 422).await;
    assert_eq!(error_fields(&problem), ["sizing"]);
}

#[tokio::test]
async fn more_than_5000_nodes_or_20000_pods_is_a_422() {
    let app = spawn_app().await;
    let many = |n: usize, kind: &str| {
        format!(
            r#"{{"kind": "{kind}", "items": [{}]}}"#,
            vec!["{}"; n].join(",")
        )
    };
    assert_eq!(
        import(&app, "", many(5_000, "NodeList").as_bytes())
            .await
            .status(),
        200
    );
    let problem = assert_problem(
        import(&app, "", many(5_001, "NodeList").as_bytes()).await,
        422,
    )
    .await;
    assert_eq!(error_fields(&problem), ["items"]);
    let body = format!(r#"{{"pods": {}}}"#, many(20_001, "PodList"));
    let problem = assert_problem(import(&app, "", body.as_bytes()).await, 422).await;
    assert_eq!(error_fields(&problem), ["pods.items"]);
}

#[tokio::test]
async fn up_to_32_mib_is_read_and_a_larger_declared_body_is_refused_unread() {
    let app = spawn_app().await;
    // A real list padded with whitespace to just under the limit.
    let mut body = EKS_LIST.to_vec();
    body.resize(32 * 1024 * 1024, b' ');
    assert_eq!(import(&app, "", &body).await.status(), 200);
    body.push(b' ');
    assert_problem(import(&app, "", &body).await, 413).await;
    // Other routes keep their limits.
    let calculate = app
        .post_raw(
            "/api/v1/calculate",
            "application/json",
            vec![b' '; 400 * 1024],
        )
        .await;
    assert_eq!(calculate.status(), 413);

    // Headers only: the answer comes before a byte of the body is sent.
    let address = app.address.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST {PATH} HTTP/1.1\r\nhost: test\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        33 * 1024 * 1024
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = vec![0; 1024];
    let read = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut answer))
        .await
        .expect("answered without the body")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer[..read]);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
}

#[tokio::test]
async fn every_import_counts_against_the_write_limit() {
    let (app, _stop, _server) = spawn_app_with(|c| c.write_limit_per_minute = 2).await;
    let mut statuses = Vec::new();
    for _ in 0..3 {
        statuses.push(import(&app, "", AUTO_MODE).await.status().as_u16());
    }
    assert_eq!(statuses, [200, 200, 429]);
}

#[test]
fn the_command_line_prints_the_same_answer_and_exits_2_on_bad_input() {
    let run = |args: &[&str], stdin: &[u8]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_clusterplan"))
            .arg("import")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("binary starts");
        child.stdin.take().unwrap().write_all(stdin).unwrap();
        child.wait_with_output().expect("binary ends")
    };
    let output = run(&["--sizing", "requests"], EKS_LIST);
    assert!(output.status.success());
    let printed: Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    let model =
        clusterplan_model::kube::import_json(EKS_LIST, clusterplan_model::kube::Sizing::Requests);
    assert_eq!(printed, serde_json::to_value(model.unwrap()).unwrap());

    let output = run(&[], br#"{"kind": "DeploymentList"}"#);
    assert_eq!(output.status.code(), Some(2));
    let problem: Value = serde_json::from_slice(&output.stderr).expect("a problem document");
    assert_eq!(problem["status"], 422);
}

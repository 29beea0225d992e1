//! The `clusterplan calculate` command, run as a real process.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn calculate(stdin: &[u8]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_clusterplan"))
        .arg("calculate")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("binary ends")
}

#[test]
fn calculate_prints_the_same_result_as_the_model() {
    let output = calculate(b"{}");

    assert!(output.status.success());
    let printed: Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    let expected = clusterplan_model::calculate_json(b"{}").expect("valid");
    assert_eq!(printed, serde_json::to_value(expected).unwrap());
}

#[test]
fn invalid_input_prints_field_errors_on_stderr_and_fails() {
    let output = calculate(br#"{"clusters": 0, "team": {"engineers": 0}}"#);

    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let problem: Value = serde_json::from_slice(&output.stderr).expect("stderr is JSON");
    assert_eq!(problem["status"], 422);
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["clusters", "team.engineers"]);
}

#[test]
fn calculate_accepts_an_uncertainty_block() {
    let input = br#"{"uncertainty": {"samples": 300, "seed": 9, "ranges": [
        {"field": "self_hosted.setup_hours", "low": 100, "high": 2000}]}}"#;
    let output = calculate(input);
    assert!(output.status.success());
    let printed: Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    assert_eq!(printed["uncertainty"]["samples"], 300);
    assert_eq!(printed["uncertainty"]["seed"], 9);
    let expected = clusterplan_model::calculate_json(input).expect("valid");
    assert_eq!(printed, serde_json::to_value(expected).unwrap());
}

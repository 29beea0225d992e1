//! `clusterplan import`: kubectl's JSON on stdin, `{input, report}` on stdout,
//! through the same use case as `POST /api/v1/import/kubernetes`.

use std::io::{Read, Write};
use std::process::ExitCode;

use clusterplan_service::import::{MAX_JSON_BYTES, Sizing};

use crate::api::ApiError;

/// Arguments of `clusterplan import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Size pools by node count (`nodes`) or by their pods' requests (`requests`).
    #[arg(long, default_value = "nodes", value_parser = ["nodes", "requests"])]
    pub sizing: String,
}

/// Reads kubectl's JSON (plain or gzip) from `input`, writes `{input, report}`
/// to `output`. Invalid input prints the API's problem document on stderr and
/// exits 2. No network here, so stdin may hold what the API takes only gzip'd:
/// up to the import's JSON limit, plain.
pub fn run(args: &ImportArgs, input: impl Read, output: impl Write) -> ExitCode {
    let sizing = match args.sizing.as_str() {
        "requests" => Sizing::Requests,
        _ => Sizing::Nodes,
    };
    let mut body = Vec::new();
    // One byte past the limit, so the import can tell that it is past it.
    let limit = MAX_JSON_BYTES as u64 + 1;
    if let Err(error) = input.take(limit).read_to_end(&mut body) {
        eprintln!("clusterplan: cannot read stdin: {error}");
        return ExitCode::FAILURE;
    }
    crate::printed::print(import(&body, sizing), output)
}

/// The `{input, report}` JSON for a body, or the API error it would get.
pub fn import(body: &[u8], sizing: Sizing) -> Result<String, ApiError> {
    let imported = clusterplan_service::import_kubernetes(body, sizing)?;
    serde_json::to_string_pretty(&imported).map_err(|e| ApiError::Internal(Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::printed::EXIT_INVALID_INPUT;

    const LIST: &[u8] = include_bytes!("../../tests/fixtures/kubectl/eks-list.json");

    #[test]
    fn a_list_prints_input_and_report() {
        let mut out = Vec::new();
        let args = ImportArgs {
            sizing: "requests".into(),
        };
        assert_eq!(run(&args, LIST, &mut out), ExitCode::SUCCESS);
        let printed: serde_json::Value = serde_json::from_slice(&out).expect("json");
        assert_eq!(printed["report"]["nodes"], 7);
        assert!(printed["input"]["fleet"][0]["pools"][0]["workload"].is_object());
    }

    #[test]
    fn bad_input_is_the_api_problem_and_exit_2() {
        let cases: [(&[u8], u16); 3] = [
            (b"{\"kind\": \"DeploymentList\"}", 422),
            (b"{", 400),
            (b"kind: List", 400),
        ];
        for (body, status) in cases {
            let error = import(body, Sizing::Nodes).expect_err("must fail");
            assert_eq!(error.into_problem().status, status);
            let args = ImportArgs {
                sizing: "nodes".into(),
            };
            assert_eq!(
                run(&args, body, Vec::new()),
                ExitCode::from(EXIT_INVALID_INPUT)
            );
        }
    }
}

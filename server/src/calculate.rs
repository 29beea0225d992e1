//! `clusterplan calculate`: stdin JSON in, result JSON out, through the same
//! reading, validation and model as `POST /api/v1/calculate` (no kept answers:
//! a command calculates once).

use std::io::{Read, Write};
use std::process::ExitCode;

use crate::api::ApiError;

/// Reads a scenario from `input`, writes the result to `output`. Errors go to
/// stderr as the same problem document the API would send.
pub fn run(mut input: impl Read, output: impl Write) -> ExitCode {
    let mut body = Vec::new();
    if let Err(error) = input.read_to_end(&mut body) {
        eprintln!("clusterplan: cannot read stdin: {error}");
        return ExitCode::FAILURE;
    }
    crate::printed::print(calculate(&body), output)
}

/// The result JSON for a body, or the API error it would get.
pub fn calculate(body: &[u8]) -> Result<String, ApiError> {
    let result = clusterplan_service::calculate(body)?;
    serde_json::to_string_pretty(&result).map_err(|e| ApiError::Internal(Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::printed::EXIT_INVALID_INPUT;

    #[test]
    fn valid_input_prints_a_result() {
        let mut out = Vec::new();

        let code = run(&b"{\"clusters\": 2}"[..], &mut out);

        assert_eq!(code, ExitCode::SUCCESS);
        let result: serde_json::Value = serde_json::from_slice(&out).expect("json");
        assert_eq!(result["inputs"]["clusters"], 2);
    }

    #[test]
    fn invalid_input_is_the_api_problem_and_exit_2() {
        let cases: [(&[u8], u16); 3] = [
            (b"{\"clusters\": 0}", 422),
            (b"{\"nope\": 1}", 422),
            (b"{", 400),
        ];
        for (body, status) in cases {
            let error = calculate(body).expect_err("must fail");
            assert_eq!(error.into_problem().status, status);
            assert_eq!(run(body, Vec::new()), ExitCode::from(EXIT_INVALID_INPUT));
        }
    }
}

//! What the one-shot commands (`clusterplan calculate`, `clusterplan import`)
//! print: the answer's JSON on stdout, or the API's problem document on stderr
//! with exit status 2, so a script reads the same refusal the API would send.

use std::io::Write;
use std::process::ExitCode;

use crate::api::ApiError;

/// Exit status for input the caller must fix (malformed or invalid).
pub const EXIT_INVALID_INPUT: u8 = 2;

/// Prints `answer`: its JSON on `output` (success), or its problem document on
/// stderr (exit 2). A stdout that cannot be written is a plain failure.
pub fn print(answer: Result<String, ApiError>, mut output: impl Write) -> ExitCode {
    match answer {
        Ok(json) => match writeln!(output, "{json}") {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("clusterplan: cannot write stdout: {error}");
                ExitCode::FAILURE
            }
        },
        Err(error) => {
            let problem = serde_json::to_string_pretty(&error.into_problem())
                .unwrap_or_else(|_| "invalid input".into());
            eprintln!("{problem}");
            ExitCode::from(EXIT_INVALID_INPUT)
        }
    }
}

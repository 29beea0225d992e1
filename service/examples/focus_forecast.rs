//! Writes the FOCUS forecast CSV of two scenarios into a directory, for the
//! FinOps Foundation's validator (`make test-focus`, scripts/focus.sh):
//! `v1-default.csv` (a v1 input that sets nothing: the model's defaults) and
//! `fleet-preset.csv` (the fleet preset of service/data/presets.json: groups,
//! pools, a Fargate pool). Both go through the path the API serves: the scenario
//! is saved in a throwaway SQLite file, read back by `Service::forecast`, and
//! written by `forecast::to_csv`.
//!
//!     cargo run -p clusterplan-service --example focus_forecast -- OUT_DIR

use std::path::{Path, PathBuf};

use clusterplan_model::ScenarioInput;
use clusterplan_service::forecast::{self, ForecastParams, ForecastQuery};
use clusterplan_service::{Database, NewScenario, Service};

/// A fixed start month, so two runs write the same files.
const START: &str = "2027-01";

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: focus_forecast OUT_DIR")?;
    std::fs::create_dir_all(&out)?;
    let db_dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}", db_dir.path().join("focus.db").display());
    let service = Service::new(Database::connect(&url).await?, "");
    // `{}`: no v2 or v3 field, so a v1 input, and every figure the default.
    write(&service, &out, "v1-default", ScenarioInput::default()).await?;
    write(&service, &out, "fleet-preset", fleet_preset()?).await?;
    Ok(())
}

/// The first preset with a `fleet`.
fn fleet_preset() -> Result<ScenarioInput, Box<dyn std::error::Error>> {
    let file: serde_json::Value = serde_json::from_str(include_str!("../data/presets.json"))?;
    let input = file["presets"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|preset| &preset["input"])
        .find(|input| input.get("fleet").is_some())
        .ok_or("data/presets.json has no fleet preset")?;
    Ok(serde_json::from_value(input.clone())?)
}

async fn write(
    service: &Service,
    out: &Path,
    name: &str,
    input: ScenarioInput,
) -> Result<(), Box<dyn std::error::Error>> {
    let new = NewScenario {
        name: format!("FOCUS check: {name}"),
        input,
    };
    let created = service.create(new).await?;
    let query = ForecastQuery {
        start: Some(START.into()),
        ..ForecastQuery::default()
    };
    let params = ForecastParams::parse(&query)?;
    let rows = service.forecast(&created.id, &params).await?.plan.rows();
    let path = out.join(format!("{name}.csv"));
    std::fs::write(&path, forecast::to_csv(&rows))?;
    println!("{}: {} rows", path.display(), rows.len());
    Ok(())
}

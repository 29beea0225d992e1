//! `/import`: "Start from your cluster". The user pastes or uploads the output
//! of `kubectl get nodes,pods -A -o json`; the server reads it with the same use
//! case as `POST /api/v1/import/kubernetes` and answers this page again with
//! what it read ([`report`]) and a link that opens the planner with the
//! imported fleet. A plain page ([`super`]): the form is a multipart POST that
//! works without JavaScript, and none of this is in the wasm bundle.
//!
//! Nothing is stored: the planner link carries the fleet in its query, and the
//! user saves from the planner. The page shows counts and sums only, never a
//! node, pod or namespace name (the report carries none).

mod report;

use clusterplan_model::FieldError;
use clusterplan_model::kube::{Imported, Sizing};
use leptos::prelude::*;

/// The form's field names, read by the server's handler.
pub const TEXT_FIELD: &str = "kubectl";
/// The file input's name.
pub const FILE_FIELD: &str = "file";
/// The sizing radio's name: `nodes` or `requests`, as the API's `sizing`.
pub const SIZING_FIELD: &str = "sizing";

/// What the page shows under its heading.
#[derive(Debug)]
pub enum ImportOutcome {
    /// The empty form (`GET /import`).
    Form,
    /// What an upload was read as.
    Read(Box<Imported>),
    /// Why an upload was refused: the errors name the problem (a field of the
    /// kubectl document, `sizing`, or "" for the whole upload).
    Refused(Vec<FieldError>),
}

/// The `/import` page for `outcome`, its form set to `sizing`.
pub fn page(options: LeptosOptions, sizing: Sizing, outcome: ImportOutcome) -> String {
    let main = view! { <ImportMain sizing outcome /> };
    super::document(options, "Start from your cluster", main)
}

#[component]
fn ImportMain(sizing: Sizing, outcome: ImportOutcome) -> impl IntoView {
    let (read, refused) = match outcome {
        ImportOutcome::Form => (None, Vec::new()),
        ImportOutcome::Read(imported) => (Some(*imported), Vec::new()),
        ImportOutcome::Refused(errors) => (None, errors),
    };
    let has_errors = !refused.is_empty();
    view! {
        <h1>"Start from your cluster"</h1>
        <p class="lede">
            "Paste or upload what "<code>"kubectl get nodes,pods -A -o json"</code>" prints. "
            "Clusterplan reads the node counts, instance and capacity types and the pods' "
            "requests into a fleet, and opens it in the planner. Nothing is stored until you "
            "save it there, and no node, pod or namespace name is kept or shown. "
            <a href="/">"Back to the planner"</a>"."
        </p>
        {has_errors.then(|| view! { <Refusal errors=refused /> })}
        {read.map(|imported| view! { <report::Report imported /> })}
        <UploadForm sizing has_errors />
    }
}

/// Why the upload was refused, each problem on its own line, at the top of the
/// page where a screen reader announces it.
#[component]
fn Refusal(errors: Vec<FieldError>) -> impl IntoView {
    view! {
        <div class="error" role="alert" id="import-error" data-testid="import-error">
            <h2>"The upload was not read"</h2>
            <ul>
                {errors.into_iter().map(|e| {
                    let at = (!e.field.is_empty()).then(|| view! { <code>{e.field}</code>": " });
                    view! { <li>{at}{e.message}</li> }
                }).collect_view()}
            </ul>
            <p>"Nothing was kept: correct it and send it again."</p>
        </div>
    }
}

/// The multipart form: the JSON pasted or its file, and how to size the pools.
/// Posted to this page, so it works without a script.
#[component]
fn UploadForm(sizing: Sizing, has_errors: bool) -> impl IntoView {
    let described = has_errors.then_some("import-error");
    let radio = |value: &'static str, label: &'static str, hint: &'static str, on: bool| {
        let id = format!("import-sizing-{value}");
        view! {
            <div class="choice">
                <input type="radio" id=id.clone() name=SIZING_FIELD value=value checked=on />
                <label for=id>{label}</label>
                <span class="hint">" "{hint}</span>
            </div>
        }
    };
    view! {
        <form method="post" action="/import" enctype="multipart/form-data" aria-label="Import a cluster"
            aria-describedby=described>
            <fieldset>
                <legend>"Size the pools by"</legend>
                {radio("nodes", "Node counts", "each pool keeps the nodes it runs now", sizing == Sizing::Nodes)}
                {radio("requests", "Pod requests", "each pool is sized from its pods' requests, with the planner's headroom", sizing == Sizing::Requests)}
            </fieldset>
            <div class="field">
                <label for="import-file">"The JSON file"</label>
                <input type="file" id="import-file" name=FILE_FIELD accept=".json,.gz,application/json,application/gzip" />
                <p class="hint">"e.g. "<code>"kubectl get nodes,pods -A -o json > cluster.json"</code>" (gzip'd too); up to 32 MiB, 5,000 nodes and 20,000 pods."</p>
            </div>
            <div class="field">
                <label for="import-text">"Or paste it"</label>
                <textarea id="import-text" name=TEXT_FIELD rows="8" spellcheck="false"
                    autocomplete="off" autocapitalize="none" placeholder="{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [...]}"></textarea>
            </div>
            <button type="submit">"Read the cluster"</button>
        </form>
    }
}

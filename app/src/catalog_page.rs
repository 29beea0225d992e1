//! The catalog for people, rendered on the server only: the `/catalog` page
//! (every type, searched with a GET form and paged) and the `<option>`s an
//! instance-type box asks for as the user types (`/catalog/options`, see
//! `crate::components::type_input`).
//!
//! Both read the catalog through the service's query, the one `GET
//! /api/v1/catalog` answers from, with its errors: an unknown parameter is a
//! 400, a bad value a 422 that names it. The page is not one of the router's
//! pages: it is written whole, with no script, so none of it is in the wasm
//! bundle (its links to it are `rel="external"`).

mod table;

use clusterplan_model::{Catalog, FieldError, InstanceType, catalog};
use clusterplan_service::catalog::{CatalogFilter, CatalogQuery};
use clusterplan_service::{CatalogDocument, Service, ServiceError};
use http::StatusCode;
use leptos::prelude::*;

use crate::types::Html;
use table::Types;

/// Types offered per pause in typing: a list a person takes in at a glance.
const TYPE_AHEAD_LIMIT: usize = 20;

/// The `<option>`s of the catalog types whose names contain `typed` (any case),
/// up to 20, each labelled with its size and price; none for nothing typed.
pub fn type_options(service: &Service, typed: &str) -> Result<Html, ServiceError> {
    if typed.trim().is_empty() {
        return Ok(Html(String::new()));
    }
    let query = CatalogQuery {
        q: Some(typed.trim().to_owned()),
        limit: Some(TYPE_AHEAD_LIMIT.to_string()),
        ..CatalogQuery::default()
    };
    let page = service.catalog(&CatalogFilter::parse(&query)?);
    let options = page.catalog.instance_types.into_iter().map(|t| {
        let label = summary(&t);
        view! { <option value=t.name>{label}</option> }
    });
    Ok(Html::rendered(options.collect_view()))
}

/// `16 vCPU, 64 GiB, arm64, $0.6528/h`, and its GPUs if it has any.
fn summary(t: &InstanceType) -> String {
    let gpus = match t.gpus {
        0 => String::new(),
        1 => ", 1 GPU".to_owned(),
        n => format!(", {n} GPUs"),
    };
    format!(
        "{} vCPU, {} GiB, {}{gpus}, ${}/h",
        t.vcpu, t.memory_gib, t.arch, t.hourly_usd
    )
}

/// The `/catalog` page for the URL query `query`, and its status.
pub fn catalog_page(
    options: LeptosOptions,
    service: &Service,
    query: &str,
) -> (StatusCode, String) {
    let (status, form, outcome) = match CatalogQuery::from_form(query) {
        Err(message) => (
            StatusCode::BAD_REQUEST,
            CatalogQuery::default(),
            Err(vec![FieldError::new("", message)]),
        ),
        Ok(form) => match CatalogFilter::parse(&form) {
            Ok(filter) => (StatusCode::OK, form, Ok(service.catalog(&filter))),
            Err(ServiceError::Invalid(errors)) => {
                (StatusCode::UNPROCESSABLE_ENTITY, form, Err(errors))
            }
            Err(other) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                form,
                Err(vec![FieldError::new("", other.to_string())]),
            ),
        },
    };
    let main = view! { <CatalogMain form outcome /> };
    let html = crate::plain_pages::document(options, "Instance catalog", main);
    (status, html)
}

#[component]
fn CatalogMain(
    form: CatalogQuery,
    outcome: Result<CatalogDocument, Vec<FieldError>>,
) -> impl IntoView {
    let errors = outcome.as_ref().err().cloned().unwrap_or_default();
    let catalog = catalog();
    view! {
        <h1>"Instance catalog"</h1>
        <p class="lede">
            {format!(
                "All {} EC2 instance types an instance-type box takes, with their on-demand \
                 Linux prices in {}, taken on {}. ",
                Catalog::BUILT_IN_TYPES_TEXT, catalog.region, catalog.prices_taken_on,
            )}
            <a href="/">"Back to the planner"</a>"."
        </p>
        <Filters form=form.clone() errors />
        {outcome.ok().map(|page| view! { <Types page form /> })}
    }
}

/// The GET form: every box named as the API's parameter.
#[component]
fn Filters(form: CatalogQuery, errors: Vec<FieldError>) -> impl IntoView {
    let message = |name: &str| {
        let found: Vec<&str> = errors
            .iter()
            .filter(|e| e.field == name)
            .map(|e| e.message.as_str())
            .collect();
        found.join("; ")
    };
    // Errors that no box shows: an unknown parameter, a bad cursor or limit.
    let general: Vec<String> = errors
        .iter()
        .filter(|e| !BOXES.contains(&e.field.as_str()))
        .map(ToString::to_string)
        .collect();
    let input = |name: &'static str,
                 label: &'static str,
                 value: Option<String>,
                 attrs: (&'static str, Option<&'static str>)| {
        let text = message(name);
        let invalid = (!text.is_empty()).then_some("true");
        let (kind, step) = attrs;
        view! {
            <div class="field">
                <label for=format!("c-{name}")>{label}</label>
                <input type=kind id=format!("c-{name}") name=name value=value.unwrap_or_default() step=step
                    min=step.map(|_| "0") autocomplete="off" spellcheck="false" autocapitalize="none"
                    aria-describedby=format!("c-{name}-error") aria-invalid=invalid />
                <p class="error" id=format!("c-{name}-error")>{text}</p>
            </div>
        }
    };
    let select = |name: &'static str,
                  label: &'static str,
                  value: Option<String>,
                  choices: [(&'static str, &'static str); 3]| {
        let text = message(name);
        let value = value.unwrap_or_default();
        view! {
            <div class="field">
                <label for=format!("c-{name}")>{label}</label>
                <select id=format!("c-{name}") name=name aria-describedby=format!("c-{name}-error")
                    aria-invalid=(!text.is_empty()).then_some("true")>
                    {choices.map(|(v, shown)| view! { <option value=v selected=v == value>{shown}</option> }).into_iter().collect_view()}
                </select>
                <p class="error" id=format!("c-{name}-error")>{text}</p>
            </div>
        }
    };
    view! {
        <form method="get" action="/catalog" role="search" aria-label="Search the catalog">
            {general.into_iter().map(|e| view! { <p class="error">{e}</p> }).collect_view()}
            <div class="filters">
                {input("q", "Name contains", form.q, ("search", None))}
                {input("family", "Family", form.family, ("text", None))}
                {select("arch", "Architecture", form.arch, [("", "any"), ("amd64", "amd64"), ("arm64", "arm64")])}
                {input("min_vcpu", "At least vCPU", form.min_vcpu, ("number", Some("1")))}
                {input("min_memory_gib", "At least GiB of memory", form.min_memory_gib, ("number", Some("any")))}
                {select("gpu", "GPUs", form.gpu, [("", "any"), ("true", "with GPUs"), ("false", "without")])}
            </div>
            // Kept when searching again, so a page size set in the URL stays.
            {form.limit.map(|limit| view! { <input type="hidden" name="limit" value=limit /> })}
            <button type="submit">"Search"</button>" "
            <a href="/catalog" rel="external">"Clear"</a>
        </form>
    }
}

/// The form's boxes by parameter name (their errors sit beside them).
const BOXES: [&str; 6] = ["q", "family", "arch", "min_vcpu", "min_memory_gib", "gpu"];

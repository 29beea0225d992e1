//! `GET /api/v1/docs`: the OpenAPI document as a page for people, rendered here
//! from the same document `openapi.json` serves (no viewer, no script, no CDN):
//! each operation with its parameters, body and answers, then each schema with
//! its fields, nested objects flattened to dotted names.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use leptos::config::LeptosOptions;
use std::sync::LazyLock;

use serde_json::Value;

use super::openapi::DOCUMENT;

/// Deepest nesting of inline objects listed (the input is three levels deep).
const MAX_DEPTH: usize = 5;

/// The page, in the site's stylesheet.
pub async fn page(State(options): State<LeptosOptions>) -> Response {
    let mut html = String::from(concat!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<title>API reference · Clusterplan</title>",
    ));
    html += &app::stylesheet_link(options);
    html += body();
    let mut response = Html(html).into_response();
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'self'; frame-ancestors 'none'"),
    );
    response
}

/// Everything after the head, rendered once per process from the one document.
pub(super) fn body() -> &'static str {
    static BODY: LazyLock<String> = LazyLock::new(|| render(&DOCUMENT));
    &BODY
}

fn render(doc: &Value) -> String {
    let mut html = String::from("</head><body><main id=\"main\" class=\"api-docs\">");
    let info = &doc["info"];
    html += &format!(
        "<h1>{} {}</h1><p class=\"lede\">{}</p>",
        esc(str_at(info, "title")),
        esc(str_at(info, "version")),
        esc(str_at(info, "description"))
    );
    html += "<p>Base path <code>/api/v1</code>. Changes need <code>Authorization: Bearer &lt;edit_token&gt;</code>. \
             The machine-readable document: <a href=\"/api/v1/openapi.json\">openapi.json</a>. \
             <a href=\"/\">Back to the planner</a>.</p><nav aria-label=\"Operations\"><ul>";
    let operations = operations(doc);
    for (method, path, op) in &operations {
        html += &format!(
            "<li><a href=\"#{}\"><code>{} {}</code></a></li>",
            esc(str_at(op, "operationId")),
            method.to_uppercase(),
            esc(path)
        );
    }
    html += "</ul></nav>";
    for (method, path, op) in &operations {
        html += &operation(method, path, op);
    }
    html += "<h2 id=\"schemas\">Schemas</h2>";
    if let Some(schemas) = doc["components"]["schemas"].as_object() {
        for (name, schema) in schemas {
            html += &format!("<section id=\"schema-{0}\"><h3>{0}</h3>", esc(name));
            html += &format!("<p>{}</p>", esc(str_at(schema, "description")));
            let mut rows = String::new();
            fields(schema, "", 0, &mut rows);
            if !rows.is_empty() {
                html += &table(
                    &format!("Fields of {name}"),
                    &["field", "type", "required", "description"],
                    &rows,
                );
            }
            html += "</section>";
        }
    }
    html += "</main></body></html>";
    html
}

/// `(method, path, operation)` in document order.
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            found.push((method.clone(), path.clone(), op.clone()));
        }
    }
    found
}

fn operation(method: &str, path: &str, op: &Value) -> String {
    let mut html = format!(
        "<section id=\"{}\"><h2><code>{} {}</code></h2><p>{}</p>",
        esc(str_at(op, "operationId")),
        method.to_uppercase(),
        esc(path),
        esc(str_at(op, "description"))
    );
    let mut rows = String::new();
    for parameter in op["parameters"].as_array().into_iter().flatten() {
        rows += &row(&[
            &format!("<code>{}</code>", esc(str_at(parameter, "name"))),
            &esc(str_at(parameter, "in")),
            if parameter["required"] == true {
                "yes"
            } else {
                "no"
            },
            &esc(str_at(parameter, "description")),
        ]);
    }
    if !rows.is_empty() {
        html += &format!(
            "<h3>Parameters</h3>{}",
            table(
                &format!("Parameters of {} {path}", method.to_uppercase()),
                &["name", "in", "required", "description"],
                &rows
            )
        );
    }
    if let Some(content) = op["requestBody"]["content"].as_object() {
        for (media, body) in content {
            html += &format!(
                "<h3>Body</h3><p><code>{}</code>: {}</p>",
                esc(media),
                type_of(&body["schema"])
            );
        }
    }
    let mut rows = String::new();
    for (status, answer) in op["responses"].as_object().into_iter().flatten() {
        let body = answer["content"]
            .as_object()
            .and_then(|content| content.iter().next())
            .map(|(media, body)| {
                format!("<code>{}</code> {}", esc(media), type_of(&body["schema"]))
            })
            .unwrap_or_default();
        rows += &row(&[
            &format!("<code>{}</code>", esc(status)),
            &esc(str_at(answer, "description")),
            &body,
        ]);
    }
    html += &format!(
        "<h3>Answers</h3>{}</section>",
        table(
            &format!("Answers of {} {path}", method.to_uppercase()),
            &["status", "meaning", "body"],
            &rows
        )
    );
    html
}

/// One table row per field of `schema`, nested inline objects as `parent.child`.
fn fields(schema: &Value, prefix: &str, depth: usize, rows: &mut String) {
    let required: Vec<&str> = schema["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    for (name, field) in schema["properties"].as_object().into_iter().flatten() {
        let path = format!("{prefix}{name}");
        *rows += &row(&[
            &format!("<code>{}</code>", esc(&path)),
            &type_of(field),
            if required.contains(&name.as_str()) {
                "yes"
            } else {
                "no"
            },
            &esc(str_at(field, "description")),
        ]);
        if depth < MAX_DEPTH && field.get("properties").is_some() {
            fields(field, &format!("{path}."), depth + 1, rows);
        }
        if depth < MAX_DEPTH && field["items"].get("properties").is_some() {
            fields(&field["items"], &format!("{path}[]."), depth + 1, rows);
        }
    }
}

/// A schema's type for people: a link to a named schema, or its JSON type.
fn type_of(schema: &Value) -> String {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.rsplit('/').next().unwrap_or(reference);
        return format!("<a href=\"#schema-{0}\">{0}</a>", esc(name));
    }
    if schema["type"] == "array" {
        return format!("array of {}", type_of(&schema["items"]));
    }
    for union in ["oneOf", "anyOf", "allOf"] {
        if let Some(members) = schema[union].as_array() {
            return members.iter().map(type_of).collect::<Vec<_>>().join(" or ");
        }
    }
    match &schema["type"] {
        Value::String(ty) => esc(ty),
        Value::Array(types) => types
            .iter()
            .filter_map(Value::as_str)
            .map(esc)
            .collect::<Vec<_>>()
            .join(" or "),
        _ => "any".into(),
    }
}

/// A table in a scroll box that keyboards can reach (a phone scrolls it sideways).
fn table(label: &str, headers: &[&str], rows: &str) -> String {
    let head: String = headers
        .iter()
        .map(|h| format!("<th scope=\"col\">{h}</th>"))
        .collect();
    format!(
        "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"data text\"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>",
        esc(label)
    )
}

fn row(cells: &[&str]) -> String {
    let cells: String = cells.iter().map(|c| format!("<td>{c}</td>")).collect();
    format!("<tr>{cells}</tr>")
}

fn str_at<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key].as_str().unwrap_or_default()
}

/// Text for HTML: the document's descriptions are ours, but escape anyway.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

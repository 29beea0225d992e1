//! The `/catalog` page's results: how many types match, a page of them as a
//! table (which scrolls in its own box on a phone), and links to the first
//! and next pages (the API's cursor, carried in the page's URL).

use clusterplan_service::CatalogDocument;
use clusterplan_service::catalog::CatalogQuery;
use leptos::prelude::*;

use crate::format::count;

/// The page of types, what it holds of how many, and links to the first and next pages.
#[component]
pub(super) fn Types(page: CatalogDocument, form: CatalogQuery) -> impl IntoView {
    let types = &page.catalog.instance_types;
    let shown = match (types.first(), types.last()) {
        (Some(first), Some(last)) if types.len() < page.matched => format!(
            "{} types match; this page shows {}, {} to {}.",
            count(page.matched),
            count(types.len()),
            first.name,
            last.name
        ),
        (Some(_), _) if page.matched == 1 => "1 type matches.".to_owned(),
        (Some(_), _) => format!("{} types match.", count(page.matched)),
        _ => "No type matches.".to_owned(),
    };
    let link = |cursor: Option<String>| {
        let query = CatalogQuery {
            cursor,
            ..form.clone()
        }
        .to_query();
        if query.is_empty() {
            "/catalog".to_owned()
        } else {
            format!("/catalog?{query}")
        }
    };
    let first = form
        .cursor
        .is_some()
        .then(|| view! { <a href=link(None)>"First page"</a> });
    let next = page
        .next_cursor
        .clone()
        .map(|c| view! { <a href=link(Some(c)) rel="next">"Next page"</a> });
    let rows = types
        .iter()
        .map(|t| {
            view! {
                <tr>
                    <th scope="row"><code>{t.name.clone()}</code></th>
                    <td>{t.vcpu}</td>
                    <td>{t.memory_gib}</td>
                    <td>{t.arch.clone()}</td>
                    <td>{t.gpus}</td>
                    <td>{format!("${}", t.hourly_usd)}</td>
                    <td>{t.max_pods_vpc_cni()}</td>
                </tr>
            }
        })
        .collect_view();
    let caption = format!(
        "Instance types, on-demand USD per hour as of {}",
        page.catalog.prices_taken_on
    );
    view! {
        <h2 id="types">"Types"</h2>
        <p data-testid="catalog-count">{shown}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Instance types">
            <table class="data" data-testid="catalog-table">
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">"Type"</th><th scope="col">"vCPU"</th><th scope="col">"Memory, GiB"</th>
                    <th scope="col">"Architecture"</th><th scope="col">"GPUs"</th><th scope="col">"USD per hour"</th>
                    <th scope="col">"Max pods (VPC CNI)"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <nav class="pages" aria-label="Pages of types">{first}" "{next}</nav>
    }
}

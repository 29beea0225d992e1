//! `GET /catalog`, the catalog for people (no script), and `GET
//! /catalog/options`, the instance types offered as the user types.

use crate::helpers::{TestApp, spawn_app};

async fn page(app: &TestApp, path: &str) -> (u16, String) {
    let response = app.get(path).await;
    let status = response.status().as_u16();
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(policy.contains("default-src 'none'"), "{policy}");
    (status, response.text().await.unwrap())
}

/// The names in the table's rows, in order.
fn names(html: &str) -> Vec<&str> {
    html.split("<th scope=\"row\"><code>")
        .skip(1)
        .filter_map(|row| row.split('<').next())
        .collect()
}

/// The `href` of the link whose text is `text`, unescaped.
fn link(html: &str, text: &str) -> Option<String> {
    let end = html.find(&format!(">{text}</a>"))?;
    let start = html[..end].rfind("href=\"")? + 6;
    let href = &html[start..end];
    Some(href[..href.find('"')?].replace("&amp;", "&"))
}

#[tokio::test]
async fn the_whole_catalog_pages_by_name_with_its_price_date() {
    let app = spawn_app().await;

    let (status, html) = page(&app, "/catalog").await;

    assert_eq!(status, 200);
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    assert!(!html.contains("<script"), "a page without a script");
    assert!(
        html.contains("1,345 types match; this page shows 100"),
        "{html}"
    );
    assert!(html.contains("as of 2026-07-20"), "the price date");
    let first = names(&html);
    assert_eq!(first.len(), 100);
    assert!(first.windows(2).all(|w| w[0] < w[1]), "sorted by name");
    assert!(link(&html, "First page").is_none(), "already on it");

    let next = link(&html, "Next page").expect("a next page");
    assert_eq!(next, format!("/catalog?cursor={}", first[99]));
    let (_, html) = page(&app, &next).await;
    let second = names(&html);
    assert_eq!(second.len(), 100);
    assert!(second[0] > first[99], "{} after {}", second[0], first[99]);
    assert_eq!(link(&html, "First page").as_deref(), Some("/catalog"));
}

#[tokio::test]
async fn the_form_filters_and_its_blank_boxes_filter_nothing() {
    let app = spawn_app().await;

    // What a browser sends for the form with only "Name contains" and "GPUs" set.
    let path = "/catalog?q=M7G.4X&family=&arch=&min_vcpu=&min_memory_gib=&gpu=false";
    let (status, html) = page(&app, path).await;

    assert_eq!(status, 200);
    assert_eq!(names(&html), ["m7g.4xlarge"]);
    assert!(html.contains("1 type matches."), "{html}");
    assert!(
        html.contains("value=\"M7G.4X\""),
        "the box keeps what was typed"
    );
    assert!(
        html.contains("<option value=\"false\" selected"),
        "and the select its choice"
    );
    assert!(link(&html, "Next page").is_none());

    let (_, html) = page(&app, "/catalog?q=m7g&limit=3").await;
    let next = link(&html, "Next page").expect("more than 3 m7g types");
    assert!(
        next.starts_with("/catalog?q=m7g&limit=3&cursor=m7g."),
        "{next}"
    );
    let (_, html) = page(&app, "/catalog?q=zzz").await;
    assert!(html.contains("No type matches."));
}

#[tokio::test]
async fn bad_filters_are_shown_beside_their_boxes_as_the_api_words_them() {
    let app = spawn_app().await;

    let (status, html) = page(&app, "/catalog?min_vcpu=abc&arch=sparc").await;

    assert_eq!(status, 422);
    let at = html
        .find("id=\"c-min_vcpu-error\"")
        .expect("the box's error");
    assert!(
        html[at..].contains("is not a whole number"),
        "{}",
        &html[at..at + 200]
    );
    assert!(html.contains("must be amd64 or arm64"));
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(names(&html).is_empty(), "no table for a bad query");

    let (status, html) = page(&app, "/catalog?cursor=not-a-type").await;
    assert_eq!(status, 422);
    assert!(html.contains("cursor: is not a cursor"), "{html}");
    let (status, html) = page(&app, "/catalog?min_cpu=4").await;
    assert_eq!(status, 400);
    assert!(html.contains("min_cpu"), "names the unknown parameter");
}

#[tokio::test]
async fn typing_part_of_a_name_offers_matching_types_with_size_and_price() {
    let app = spawn_app().await;
    let offer = |query: &'static str| {
        let app = &app;
        async move {
            let response = app.get(&format!("/catalog/options?{query}")).await;
            let status = response.status().as_u16();
            (status, response.text().await.unwrap())
        }
    };

    let (status, options) = offer("q=m7g.4x").await;
    assert_eq!(status, 200);
    assert_eq!(
        options,
        "<option value=\"m7g.4xlarge\">16 vCPU, 64 GiB, arm64, $0.6528/h</option>"
    );
    let (_, many) = offer("q=XLARGE").await;
    assert_eq!(many.matches("<option").count(), 20, "at most 20");
    let (_, gpu) = offer("q=p4d.24").await;
    assert!(gpu.contains(", 8 GPUs, $"), "{gpu}");
    for nothing in ["q=", "", "q=no-such-type"] {
        assert_eq!(offer(nothing).await, (200, String::new()), "{nothing}");
    }
    assert_eq!(offer("typed=m7g").await.0, 400, "an unknown parameter");
}

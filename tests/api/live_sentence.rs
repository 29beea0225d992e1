//! The planner's live region is one sentence, not the report: a screen reader
//! read the whole results again at every pause in the typing.

use crate::edit_keys::page;
use crate::helpers::spawn_app;

fn announced(html: &str) -> &str {
    let at = html
        .find("data-testid=\"announce\"")
        .expect("a live sentence");
    let rest = &html[at..];
    let start = rest.find('>').unwrap() + 1;
    &rest[start..start + rest[start..].find("</p>").unwrap()]
}

#[tokio::test]
async fn the_live_region_is_the_verdict_or_the_count_of_fields_to_fix() {
    let app = spawn_app().await;
    let (_, html) = page(&app, "/", "").await;
    assert!(html.contains("<p aria-live=\"polite\" data-testid=\"announce\" class=\"sr-only\">"));
    assert!(
        announced(&html).starts_with("EKS is $416k cheaper"),
        "{}",
        announced(&html)
    );
    let section = &html[html.find("<section id=\"results\"").unwrap()..];
    let section = &section[..section.find('>').unwrap()];
    assert!(!section.contains("aria-live"), "{section}");
    assert_eq!(
        html.matches("aria-live").count(),
        1,
        "one live region on the planner"
    );

    let (_, html) = page(&app, "/?clusters=0&team.engineers=0", "").await;
    assert_eq!(
        announced(&html),
        "2 fields need a different value; each says why."
    );
}

//! What a screen reader hears on the planner: its live region is one sentence,
//! not the report (it read the whole results again at every pause in the
//! typing), and the save's error line describes the name box.

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

#[tokio::test]
async fn the_saves_error_line_describes_the_name_box() {
    let app = spawn_app().await;
    let (_, html) = page(&app, "/", "").await;
    let at = html.find("id=\"scenario-name\"").expect("the name box");
    let tag = &html[at..at + html[at..].find('>').unwrap()];
    assert!(tag.contains("aria-describedby=\"save-error\""), "{tag}");
    assert_eq!(html.matches("id=\"save-error\"").count(), 1);
}

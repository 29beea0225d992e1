//! A prefilled `?edit=` link on the planner: it shows what saving would change
//! before it does, and a link to a scenario that is not saved offers a new
//! save instead of a revision.

use serde_json::json;

use crate::edit_keys::page;
use crate::helpers::spawn_app;

#[tokio::test]
async fn a_prefilled_edit_link_shows_what_saving_would_change() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 3})).await;
    let owner = format!("cp_edit={}:{}", created.id, created.edit_token);

    let (_, html) = page(
        &app,
        &format!("/?edit={}&name=Plan&clusters=9", created.id),
        &owner,
    )
    .await;
    let (_, same) = page(
        &app,
        &format!("/?edit={}&name=Plan&clusters=3", created.id),
        &owner,
    )
    .await;

    let at = html
        .find("data-testid=\"edit-changes\"")
        .expect("changes listed");
    let listed = &html[at..];
    assert!(
        listed.contains("Clusters") && listed.contains("3 → 9"),
        "{}",
        &listed[..listed.len().min(600)]
    );
    assert!(
        listed.find("3 → 9") < listed.find("Save these changes"),
        "the changes come before the button"
    );
    assert!(same.contains("Nothing differs from the saved revision"));
    assert!(!container_of(&html, "action=\"/api/update_scenario\"").contains("hidden"));
    assert!(container_of(&html, "action=\"/api/save_scenario\"").contains("hidden"));
}

#[tokio::test]
async fn an_edit_link_to_no_scenario_offers_a_new_save_not_a_revision() {
    let app = spawn_app().await;
    let (_, html) = page(&app, "/?edit=NoSuchScenario1&name=Plan&clusters=9", "").await;

    assert!(html.contains("cheaper"), "the planner still calculates");
    assert!(
        html.contains("No saved scenario has this edit link"),
        "the reason is shown"
    );
    assert!(
        container_of(&html, "action=\"/api/update_scenario\"").contains("hidden"),
        "the revision form, bound to fail, is hidden"
    );
    let save = container_of(&html, "action=\"/api/save_scenario\"");
    assert!(
        !save.contains("hidden") && html.contains("Save as a new scenario"),
        "a new scenario can be saved: {save}"
    );
}

/// The opening tag of the `<div>` around the first `marker` in `html`.
fn container_of<'a>(html: &'a str, marker: &str) -> &'a str {
    let at = html.find(marker).expect("the form is on the page");
    let open = html[..at].rfind("<div").expect("a div around it");
    let close = open + html[open..].find('>').expect("a whole tag");
    &html[open..=close]
}

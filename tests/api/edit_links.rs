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

/// A form opened from an older revision (Back after one's own save, another
/// tab's save) says so before the save, in the page's words; it listed changes
/// against the latest revision and offered a save bound to be refused.
#[tokio::test]
async fn an_edit_link_from_an_older_revision_says_so_before_the_save() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 3})).await;
    let owner = format!("cp_edit={}:{}", created.id, created.edit_token);
    let link = |revision: u32| {
        format!(
            "/?edit={}&edit_revision={revision}&name=Plan&clusters=9",
            created.id
        )
    };
    let (_, current) = page(&app, &link(1), &owner).await;
    assert!(current.contains("3 → 9"), "revision 1 is the latest");
    let body = json!({"name": "Plan", "input": {"clusters": 5}});
    let saved = app.update_scenario(&created.id, Some(&created.edit_token), &body);
    assert_eq!(saved.await.status(), 200);

    let (_, stale) = page(&app, &link(1), &owner).await;

    let at = stale.find("data-testid=\"edit-changes\"").expect("listed");
    let listed = &stale[at..at + 900.min(stale.len() - at)];
    assert!(
        listed.contains("this page edits an older revision"),
        "{listed}"
    );
    assert!(listed.contains(&format!("/s/{}", created.id)), "{listed}");
    assert!(
        !listed.contains("→"),
        "no changes against another revision: {listed}"
    );
    let (_, latest) = page(&app, &link(2), &owner).await;
    assert!(
        latest.contains("5 → 9"),
        "the latest revision lists its changes"
    );
}

/// The opening tag of the `<div>` around the first `marker` in `html`.
fn container_of<'a>(html: &'a str, marker: &str) -> &'a str {
    let at = html.find(marker).expect("the form is on the page");
    let open = html[..at].rfind("<div").expect("a div around it");
    let close = open + html[open..].find('>').expect("a whole tag");
    &html[open..=close]
}

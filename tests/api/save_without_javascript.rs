//! The planner's save without JavaScript (`POST /api/save_plan`): the button
//! posts the whole planner form, so what is stored is what its fields hold,
//! as a new scenario or as the next revision of the form's `edit`; a refused
//! save goes back to the planner with the fields as posted and its error.

use serde_json::json;

use crate::edit_keys::cookie_keys;
use crate::helpers::{TestApp, spawn_app};

/// Posts the planner form `body` to the save as a browser without JavaScript.
async fn save_plan(app: &TestApp, cookie: &str, body: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/save_plan"))
        .header("accept", "text/html")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", cookie)
        .body(body.to_owned())
        .send()
        .await
        .expect("answered")
}

/// `GET back` as the browser a refused save sent there: from this site (a
/// page shows a refusal's error only then).
async fn came_back(app: &TestApp, back: &str) -> reqwest::Response {
    app.client
        .get(app.url(back))
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap()
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

/// The id of the shared page a save redirected to.
fn saved_id(response: &reqwest::Response) -> String {
    let to = location(response);
    to.strip_prefix("/s/")
        .unwrap_or_else(|| panic!("redirected to a shared page, not {to}"))
        .to_owned()
}

#[tokio::test]
async fn the_planner_form_is_saved_as_posted_with_its_fleet_and_name() {
    let app = spawn_app().await;
    // Control names with brackets, as the fleet editor sends them: the body is
    // read as the planner's query, not as nested server-function arguments.
    let body = "name=Fleet+plan&fleet%5B0%5D.name=prod&fleet%5B0%5D.clusters=4\
                &fleet%5B0%5D.pools%5B0%5D.name=web&fleet%5B0%5D.pools%5B0%5D.instance_type=m6i.large";
    let saved = save_plan(&app, "", body).await;
    assert_eq!(saved.status(), 302);
    let id = saved_id(&saved);
    let keys = cookie_keys(&saved, "cp_edit").expect("the edit key is kept");
    assert!(keys.token_for(&id).is_some());

    let doc = app.scenario(&id).await;
    assert_eq!(doc.name, "Fleet plan");
    let fleet = serde_json::to_value(&doc.input).unwrap()["fleet"].clone();
    assert_eq!(fleet[0]["name"], "prod", "{fleet}");
    assert_eq!(fleet[0]["clusters"], 4, "{fleet}");
    assert_eq!(
        fleet[0]["pools"][0]["instance_type"], "m6i.large",
        "{fleet}"
    );
}

#[tokio::test]
async fn with_the_forms_edit_the_fields_are_the_next_revision() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 3})).await;
    let owner = format!("cp_edit={}:{}", created.id, created.edit_token);
    let body = format!(
        "edit={}&edit_revision=1&name=Renamed&clusters=9",
        created.id
    );

    let saved = save_plan(&app, &owner, &body).await;
    assert_eq!(location(&saved), format!("/s/{}", created.id));
    let doc = app.scenario(&created.id).await;
    assert_eq!((doc.revision, doc.name.as_str()), (2, "Renamed"));
    assert_eq!(serde_json::to_value(&doc.input).unwrap()["clusters"], 9);

    // From the revision before: refused (412), nothing written, and back on the
    // planner with the fields as posted and the update's error.
    let stale = save_plan(&app, &owner, &body.replace("clusters=9", "clusters=11")).await;
    let back = location(&stale);
    assert!(back.starts_with("/?edit="), "{back}");
    assert!(back.contains("clusters=11"), "the posted value: {back}");
    assert!(back.contains("__path=%2Fapi%2Fupdate_scenario"), "{back}");
    assert_eq!(app.scenario(&created.id).await.revision, 2);
    // Back on the form with its values, now editing the latest revision (the
    // API's "read it again" left the user stuck): a second save writes them.
    assert!(back.contains("edit_revision=2"), "rebased: {back}");
    let page = came_back(&app, &back).await.text().await.unwrap();
    assert!(
        page.contains("The form now edits its latest revision, 2"),
        "{page}"
    );
    assert!(page.contains("9 → 11"), "the changes against revision 2");
    let rebased = body
        .replace("clusters=9", "clusters=11")
        .replace("edit_revision=1", "edit_revision=2");
    let again = save_plan(&app, &owner, &rebased).await;
    assert_eq!(location(&again), format!("/s/{}", created.id));
    assert_eq!(app.scenario(&created.id).await.revision, 3);
}

/// A stranger with an older revision is refused as a stranger: the form is
/// not moved to the latest revision with "save again" (an outside review).
#[tokio::test]
async fn a_stranger_with_an_older_revision_is_not_offered_a_rebase() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 3})).await;
    let body = json!({"name": "Plan", "input": {"clusters": 4}});
    let saved = app.update_scenario(&created.id, Some(&created.edit_token), &body);
    assert_eq!(saved.await.status(), 200);

    let stale = format!("edit={}&edit_revision=1&name=Taken&clusters=9", created.id);
    let refused = save_plan(&app, "", &stale).await;

    let back = location(&refused);
    assert!(back.contains("edit_revision=1"), "not rebased: {back}");
    let page = came_back(&app, &back).await.text().await.unwrap();
    assert!(!page.contains("save again"), "no rebase offered");
    assert!(
        page.contains("no edit key for this scenario"),
        "named a stranger"
    );
    assert_eq!(app.scenario(&created.id).await.revision, 2);
}

#[tokio::test]
async fn a_stranger_cannot_save_a_revision() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 3})).await;
    let body = format!("edit={}&name=Taken&clusters=9", created.id);

    let refused = save_plan(&app, "", &body).await;
    assert!(location(&refused).contains("__path=%2Fapi%2Fupdate_scenario"));
    let doc = app.scenario(&created.id).await;
    assert_eq!((doc.revision, doc.name.as_str()), (1, "Plan"));
}

#[tokio::test]
async fn an_edit_link_whose_scenario_is_gone_saves_a_new_one() {
    let app = spawn_app().await;
    let gone = "AAAAAAAAAAAAAAAAAAAAAA";
    let saved = save_plan(&app, "", &format!("edit={gone}&name=Again&clusters=2")).await;
    let id = saved_id(&saved);
    assert_ne!(id, gone);
    assert_eq!(app.scenario(&id).await.name, "Again");
}

#[tokio::test]
async fn an_empty_name_comes_back_to_the_planner_as_posted() {
    let app = spawn_app().await;
    let refused = save_plan(&app, "", "clusters=8&name=+++").await;
    let back = location(&refused);
    assert!(back.starts_with("/?clusters=8&name=+++&"), "{back}");
    assert!(back.contains("__path=%2Fapi%2Fsave_scenario"), "{back}");
    // The page it comes back to (from this site's own post) shows the error
    // beside the save.
    let page = came_back(&app, &back).await.text().await.unwrap();
    assert!(page.contains("must not be empty"), "the error is shown");
    let list = app.get("/api/v1/scenarios").await.text().await.unwrap();
    assert!(!list.contains("clusters"), "nothing stored: {list}");
}

/// The body is any bytes: a line break sent as it is (not escaped, as no
/// browser sends it) comes back escaped in the link, not as a broken
/// `Location` (the redirect's header value was the body: a panic, a 500).
#[tokio::test]
async fn a_body_with_a_raw_line_break_comes_back_escaped() {
    let app = spawn_app().await;
    let refused = save_plan(
        &app,
        "",
        "clusters=8&name=\r\nSet-Cookie: x=1&workers.headroom_pct=900",
    )
    .await;
    assert_eq!(refused.status(), 302);
    let back = location(&refused);
    assert!(
        back.starts_with("/?clusters=8&name=%0D%0ASet-Cookie%3A+x%3D1&"),
        "{back}"
    );
    assert!(
        refused
            .headers()
            .get_all("set-cookie")
            .iter()
            .all(|c| !c.to_str().unwrap().starts_with("x="))
    );
}

/// A long form's link back, with its error, stays a link the server reads
/// (it was a bare 414, the form lost): the field errors are then counted.
#[tokio::test]
async fn a_long_refused_form_comes_back_within_the_uri_limit() {
    let app = spawn_app().await;
    let mut body = String::from("name=Long");
    for g in 0..9 {
        body += &format!("&fleet%5B{g}%5D.name=G{g}&fleet%5B{g}%5D.clusters=1");
        for p in 0..10 {
            // No pool name: an error each.
            body += &format!("&fleet%5B{g}%5D.pools%5B{p}%5D.instance_type=m6i.large");
        }
    }
    // The link back just under the planner's link limit (60 KiB): with the
    // 90 errors it would pass the server's URI limit.
    body += &format!("&note={}", "x".repeat(60_500 - body.len()));
    let refused = save_plan(&app, "", &body).await;
    let back = location(&refused);
    assert!(back.len() <= 65_534, "{} bytes", back.len());
    assert!(
        back.contains("&note=xxx") && back.contains("__err="),
        "the fields, and why: {} {}",
        back.len(),
        &back[..300.min(back.len())]
    );
    let page = came_back(&app, &back).await;
    assert_eq!(page.status(), 200);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("90 values in the form: each says why beside it")
    );
}

/// A form longer than the planner's own links (60 KiB) but one the server
/// reads comes back with its fields: it came back to the empty planner.
#[tokio::test]
async fn a_form_past_the_planners_link_limit_comes_back_with_its_fields() {
    let app = spawn_app().await;
    let body = format!("clusters=8&name=&note={}", "x".repeat(63_000));
    let refused = save_plan(&app, "", &body).await;
    let back = location(&refused);
    assert!(back.len() <= 65_534, "{} bytes", back.len());
    assert!(
        back.starts_with("/?clusters=8&name=&note=xxx"),
        "{}",
        &back[..80]
    );
    assert!(back.contains("__path=%2Fapi%2Fsave_scenario"));
}

//! The edit-key cookie: one bounded cookie for all of a browser's scenarios
//! (`__Host-` and `Secure` over https, `SameSite=Lax`), the key shown once to
//! keep, and pasting a key to edit from another browser. The planner's
//! `?edit=` links: `edit_links.rs`.

use clusterplan_service::edit_keys::EditKeys;
use serde_json::json;

use crate::helpers::{TestApp, spawn_app, spawn_app_with};

/// Every `Set-Cookie` of a response.
fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect()
}

/// The keys the response's `name` cookie sets, if it sets one.
pub fn cookie_keys(response: &reqwest::Response, name: &str) -> Option<EditKeys> {
    set_cookies(response).iter().find_map(|cookie| {
        let value = cookie.strip_prefix(&format!("{name}="))?;
        Some(EditKeys::parse(value.split(';').next()?))
    })
}

/// Posts a page's server-function form as a browser without JavaScript does.
async fn post_form(
    app: &TestApp,
    endpoint: &str,
    cookie: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/{endpoint}")))
        .header("accept", "text/html")
        .header("cookie", cookie)
        .form(form)
        .send()
        .await
        .expect("answered")
}

/// `GET path` with `cookie`: the cookies it sets, and the page.
pub async fn page(app: &TestApp, path: &str, cookie: &str) -> (Vec<String>, String) {
    let response = app
        .client
        .get(app.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .expect("answered");
    (set_cookies(&response), response.text().await.unwrap())
}

#[tokio::test]
async fn saves_share_one_bounded_lax_cookie_and_fold_legacy_ones() {
    let app = spawn_app().await;
    let legacy = app.create_scenario("Old", json!({})).await;
    let legacy_cookie = format!("cp_edit_{}={}", legacy.id, legacy.edit_token);

    let first = post_form(
        &app,
        "save_scenario",
        &legacy_cookie,
        &[("name", "A"), ("query", "clusters=2")],
    )
    .await;
    let keys = cookie_keys(&first, "cp_edit").expect("one edit-key cookie");
    let second = post_form(
        &app,
        "save_scenario",
        &format!("cp_edit={}", keys.encode()),
        &[("name", "B"), ("query", "clusters=3")],
    )
    .await;

    let cookies = set_cookies(&first);
    let edit = cookies.iter().find(|c| c.starts_with("cp_edit=")).unwrap();
    assert!(
        edit.contains("HttpOnly") && edit.contains("SameSite=Lax") && edit.contains("Path=/"),
        "{edit}"
    );
    assert!(!edit.contains("Secure"), "plain http: not Secure");
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with(&format!("cp_edit_{}=;", legacy.id)) && c.contains("Max-Age=0")),
        "the legacy cookie is expired: {cookies:?}"
    );
    let both = cookie_keys(&second, "cp_edit").unwrap();
    assert_eq!(both.ids().len(), 3, "legacy, A and B in one cookie");
    assert_eq!(both.token_for(&legacy.id), Some(legacy.edit_token.as_str()));
    assert_eq!(
        set_cookies(&second)
            .iter()
            .filter(|c| c.starts_with("cp_edit"))
            .count(),
        1,
        "one edit cookie, however many scenarios"
    );
}

#[tokio::test]
async fn over_https_the_cookie_is_host_prefixed_and_secure() {
    let (app, _stop, _server) =
        spawn_app_with(|c| c.public_url = "https://plan.example.com".into()).await;

    let saved = app
        .client
        .post(app.url("/api/save_scenario"))
        .header("accept", "text/html")
        .header("host", "plan.example.com")
        .form(&[("name", "A"), ("query", "")])
        .send()
        .await
        .unwrap();

    let cookies = set_cookies(&saved);
    let edit = cookies
        .iter()
        .find(|c| c.starts_with("__Host-cp_edit="))
        .expect("prefixed");
    assert!(
        edit.contains("; Secure") && edit.contains("Path=/") && !edit.contains("Domain"),
        "{edit}"
    );

    // Only that cookie with the right key grants: a plain or legacy cookie (a
    // sibling subdomain could set one) or a wrong key gives no edit link.
    let created = app.create_scenario("Mine", json!({})).await;
    let key = format!("{}:{}", created.id, created.edit_token);
    let legacy = format!("cp_edit_{}={}", created.id, created.edit_token);
    let wrong = format!("{}:{}", created.id, "a".repeat(created.edit_token.len()));
    for (cookie, grants) in [
        (format!("__Host-cp_edit={key}"), true),
        (format!("__Host-cp_edit={wrong}"), false),
        (format!("cp_edit={key}"), false),
        (legacy, false),
    ] {
        let (_, html) = page(&app, &format!("/s/{}", created.id), &cookie).await;
        assert_eq!(
            html.contains("data-testid=\"edit-link\""),
            grants,
            "{cookie}"
        );
    }
}

#[tokio::test]
async fn the_key_is_shown_once_and_pasting_it_lets_another_browser_edit() {
    let app = spawn_app().await;
    let saved = post_form(
        &app,
        "save_scenario",
        "",
        &[("name", "Mine"), ("query", "clusters=2")],
    )
    .await;
    let id = saved.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/s/")
        .to_owned();
    let keys = cookie_keys(&saved, "cp_edit").unwrap();
    let token = keys.token_for(&id).unwrap().to_owned();
    let new = cookie_keys(&saved, "cp_new").is_some();
    assert!(new, "the save marks the key to be shown");
    let owner = format!("cp_edit={}; cp_new={id}", keys.encode());

    let (first, first_html) = page(&app, &format!("/s/{id}"), &owner).await;
    let (_, again_html) = page(
        &app,
        &format!("/s/{id}"),
        &format!("cp_edit={}", keys.encode()),
    )
    .await;

    assert!(first_html.contains("data-testid=\"new-edit-key\"") && first_html.contains(&token));
    assert!(
        first
            .iter()
            .any(|c| c.starts_with("cp_new=;") && c.contains("Max-Age=0"))
    );
    assert!(!again_html.contains(&token), "shown once only");

    // Another browser: a wrong key is refused, the right one edits.
    let wrong = post_form(
        &app,
        "claim_scenario",
        "",
        &[("id", &id), ("key", "WrongKey123")],
    )
    .await;
    assert!(
        cookie_keys(&wrong, "cp_edit").is_none(),
        "no key remembered"
    );
    let right = post_form(&app, "claim_scenario", "", &[("id", &id), ("key", &token)]).await;
    assert!(right.status().is_redirection(), "{}", right.status());
    let claimed = cookie_keys(&right, "cp_edit").expect("remembered");
    let (_, html) = page(
        &app,
        &format!("/s/{id}"),
        &format!("cp_edit={}", claimed.encode()),
    )
    .await;
    assert!(
        html.contains("data-testid=\"edit-link\""),
        "this browser can edit now"
    );
}

//! A page's address may carry a failed form post's error for a browser
//! without JavaScript (`__path`, `__err`); the page shows it. It is shown only
//! when the browser came from this site: any other link is sent on without it,
//! so no one can put their own words in the planner's error box.

use crate::helpers::spawn_app;

/// `AppError::Refused("Your plan expired: call 555-0100")`, as Leptos encodes it.
const FORGED: &str = "eyJSZWZ1c2VkIjoiWW91ciBwbGFuIGV4cGlyZWQ6IGNhbGwgNTU1LTAxMDAifQ==";

#[tokio::test]
async fn an_error_in_a_link_from_elsewhere_is_dropped() {
    let app = spawn_app().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let forged = format!("/?clusters=4&__path=/api/save_scenario&__err={FORGED}");
    let own_page = app.url("/?clusters=4");
    let get = |path: &str, headers: &[(&str, &str)]| {
        let mut request = client.get(app.url(path)).header("accept", "text/html");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send()
    };

    for headers in [
        vec![],
        vec![("sec-fetch-site", "cross-site")],
        vec![("sec-fetch-site", "none")],
        vec![("sec-fetch-site", "same-site")],
        vec![("referer", "https://elsewhere.example/")],
    ] {
        let answer = get(&forged, &headers).await.unwrap();
        assert_eq!(answer.status(), 303, "{headers:?}");
        assert_eq!(answer.headers()["location"], "?clusters=4", "{headers:?}");
    }
    // Written with escapes, the members are the same to Leptos.
    let escaped = format!("/?%5F%5Fpath=/api/save_scenario&%5f%5ferr={FORGED}");
    let answer = get(&escaped, &[]).await.unwrap();
    assert_eq!(answer.status(), 303);
    assert_eq!(answer.headers()["location"], "?");
    // The answer names no path: one of another host's shape stays a path here.
    for path in [
        "//elsewhere.example/",
        "/%5Celsewhere.example/",
        "///elsewhere.example",
    ] {
        let answer = get(&format!("{path}?__err=x"), &[]).await.unwrap();
        assert_eq!(answer.status(), 303, "{path}");
        assert_eq!(answer.headers()["location"], "?", "{path}");
    }

    // Sent back from this site's own form post, it is shown.
    for headers in [
        vec![("sec-fetch-site", "same-origin")],
        vec![("referer", own_page.as_str())],
    ] {
        let answer = get(&forged, &headers).await.unwrap();
        assert_eq!(answer.status(), 200, "{headers:?}");
        let html = answer.text().await.unwrap();
        assert!(html.contains("Your plan expired"), "{headers:?}");
    }
}

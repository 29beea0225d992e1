//! The planner's line-item rows as its URL describes them: the filled rows,
//! then three blank ones. A row sent as the form offered it (its selects'
//! values, nothing typed) is one of the blank ones, so sending the form again
//! and again does not add rows.

use crate::helpers::{TestApp, spawn_app};

/// `n` rows sent as offered: an empty name and amounts, the selects' values.
fn offered_rows(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| {
            format!(
                "&line_items%5B{i}%5D.name=&line_items%5B{i}%5D.option=eks\
                 &line_items%5B{i}%5D.per=month&line_items%5B{i}%5D.monthly_usd=\
                 &line_items%5B{i}%5D.one_off_usd="
            )
        })
        .collect()
}

async fn rows_drawn(app: &TestApp, query: &str) -> usize {
    let response = app.get(&format!("/?horizon_months=36{query}")).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.expect("a page");
    html.matches("class=\"line-item\"").count()
}

#[tokio::test]
async fn rows_sent_as_offered_are_the_blank_rows_not_new_ones() {
    let app = spawn_app().await;
    assert_eq!(rows_drawn(&app, "").await, 3);
    for sent in [3, 6] {
        assert_eq!(
            rows_drawn(&app, &offered_rows(0, sent)).await,
            3,
            "{sent} sent"
        );
    }
    // A typed row stays, with the blank rows after it.
    let typed = "&line_items%5B0%5D.name=Support&line_items%5B0%5D.monthly_usd=100";
    let query = format!("{typed}{}", offered_rows(1, 3));
    let html = app
        .get(&format!("/?{}", &query[1..]))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(html.matches("class=\"line-item\"").count(), 4);
    assert!(html.contains("value=\"Support\""));
}

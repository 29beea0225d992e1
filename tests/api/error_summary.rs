//! Fields named as the form shows them, where they are in it: the summary of
//! what to fix links each error to its control, the list of what a save
//! would change names a pool's field by its group and pool, and a row's boxes
//! say their units.

use serde_json::json;

use crate::edit_keys::page;
use crate::helpers::spawn_app;

#[tokio::test]
async fn the_summary_names_each_field_and_links_to_it() {
    let app = spawn_app().await;
    let (_, html) = page(
        &app,
        "/?fleet[0].name=A&fleet[0].clusters=0&fleet[0].pools[0].name=p\
         &fleet[0].pools[0].instance_type=m6i.large&team.annual_cost_usd=-1",
        "",
    )
    .await;
    let at = html.find("data-testid=\"fix-first\"").expect("a summary");
    let summary = &html[at..at + html[at..].find("</ul>").unwrap()];
    for (id, title) in [
        ("f-fleet-0-clusters", "Group 1: clusters"),
        ("f-team-annual_cost_usd", "Team: annual cost"),
    ] {
        assert!(
            summary.contains(&format!("<a href=\"#{id}\" rel=\"external\">{title}</a>")),
            "{summary}"
        );
        assert!(
            html.contains(&format!("id=\"{id}\"")),
            "the link's target is on the page"
        );
    }
    assert!(!summary.contains("fleet[0]"), "no paths: {summary}");

    // A list, and a field a fleet replaces, have no box of their own: named,
    // not linked to nothing.
    let (_, html) = page(&app, "/?fleet[0].name=A&fleet[0].clusters=2&clusters=0", "").await;
    let at = html.find("data-testid=\"fix-first\"").expect("a summary");
    let summary = &html[at..at + html[at..].find("</ul>").unwrap()];
    assert!(summary.contains("Group 1: pools: "), "{summary}");
    // The group's drawn pool is blank, so none is sent: "not 0" read wrong.
    let blank_pool = "/?fleet[0].name=A&fleet[0].clusters=2&fleet[0].pools[0].name=";
    let (_, html) = page(&app, blank_pool, "").await;
    assert!(
        html.contains(
            "Group 1: pools: must have at least 1 pool (a pool with every box empty is left out)"
        ),
        "{html}"
    );
    assert!(summary.contains("Clusters: "), "{summary}");
    assert!(
        !summary.contains("href"),
        "no link to a box not drawn: {summary}"
    );
}

#[tokio::test]
async fn a_change_to_a_pool_is_named_by_its_group_and_pool() {
    let app = spawn_app().await;
    let fleet = json!({"fleet": [{"name": "A", "clusters": 2, "pools": [
        {"name": "p", "instance_type": "m6i.large"},
        {"name": "q", "instance_type": "m6i.large"}]}]});
    let created = app.create_scenario("Plan", fleet).await;
    let owner = format!("cp_edit={}:{}", created.id, created.edit_token);
    let edit = format!(
        "/?edit={}&name=Plan&fleet[0].name=A&fleet[0].clusters=2&fleet[0].pools[0].name=p\
         &fleet[0].pools[0].instance_type=m6i.large&fleet[0].pools[1].name=q\
         &fleet[0].pools[1].instance_type=m7i.large",
        created.id
    );
    let (_, html) = page(&app, &edit, &owner).await;
    let at = html
        .find("data-testid=\"edit-changes\"")
        .expect("changes listed");
    let listed = &html[at..at + 800.min(html.len() - at)];
    assert!(
        listed.contains("Group 1, pool 2: instance type")
            && listed.contains("m6i.large → m7i.large"),
        "{listed}"
    );
}

/// A row's box says its unit in its label, unless the words already do.
#[tokio::test]
async fn a_rows_boxes_name_their_units() {
    let app = spawn_app().await;
    let (_, html) = page(
        &app,
        "/?fleet[0].name=A&fleet[0].clusters=2&fleet[0].pools[0].name=p\
         &fleet[0].pools[0].instance_type=custom",
        "",
    )
    .await;
    for label in [
        "Hourly, USD/hour (group 1, pool 1)",
        "Memory request, GiB (group 1, pool 1)",
        "Headroom, % (group 1, pool 1)",
        "Pods (group 1, pool 1)",
        "Clusters (group 1)",
    ] {
        assert!(html.contains(&format!(">{label}<")), "{label}");
    }
}

/// A custom machine with its boxes empty names each box, not the object the
/// API reads them into, and links to it.
#[tokio::test]
async fn an_empty_custom_machine_names_each_box() {
    let app = spawn_app().await;
    let (_, html) = page(&app, "/?workers.instance_type=custom", "").await;
    let at = html.find("data-testid=\"fix-first\"").expect("a summary");
    let summary = &html[at..at + html[at..].find("</ul>").unwrap()];
    for member in ["vcpu", "memory_gib", "hourly_usd", "max_pods_vpc_cni"] {
        let id = format!("f-workers-custom-{member}");
        assert!(summary.contains(&format!("href=\"#{id}\"")), "{summary}");
        assert!(html.contains(&format!("id=\"{id}\"")), "{id} is drawn");
    }
    assert!(!summary.contains("workers."), "no paths: {summary}");
}

/// A box's hint states its range; a checkbox has none to state.
#[tokio::test]
async fn a_hint_states_a_range_only_where_there_is_one() {
    let app = spawn_app().await;
    let (_, html) = page(&app, "/", "").await;
    let hint = |id: &str| {
        let at = html.find(&format!("id=\"{id}-hint\"")).expect("a hint");
        html[at..at + html[at..].find("</p>").unwrap()].to_owned()
    };
    let checkbox = hint("f-eks-prefix_delegation");
    assert!(checkbox.contains("Default false."), "{checkbox}");
    assert!(!checkbox.contains("Range"), "{checkbox}");
    assert!(hint("f-workers-headroom_pct").contains("Range: 0 to 200."));
}

/// The boxes are text boxes the server reads: what is no number is said to be
/// one, beside its box (a number box sent "" for "e", and the default was
/// used without a word; "1,5" became 15). A value the reader refuses is not
/// also called missing.
#[tokio::test]
async fn a_box_that_holds_no_number_says_so_once() {
    let app = spawn_app().await;
    let error = |html: &str, id: &str| {
        let at = html
            .find(&format!("id=\"{id}-error\""))
            .expect("an error line");
        let line = &html[at..at + html[at..].find("</p>").unwrap()];
        line[line.find('>').unwrap() + 1..].to_owned()
    };
    let (_, html) = page(&app, "/?clusters=e&growth.workload_pct_per_year=1,5", "").await;
    assert_eq!(error(&html, "f-clusters"), "must be a number");
    assert_eq!(
        error(&html, "f-growth-workload_pct_per_year"),
        "must be a number: a point for decimals (1.5), no separators (1500)"
    );
    assert!(
        html.contains("id=\"f-clusters\" name=\"clusters\" value=\"e\""),
        "shown as typed"
    );
    let fleet = "/?fleet[0].name=A&fleet[0].clusters=1.5&fleet[0].pools[0].name=p";
    let (_, html) = page(&app, fleet, "").await;
    assert_eq!(error(&html, "f-fleet-0-clusters"), "must be a whole number");
    // Nor are its range's bounds held to the default that stands in for it.
    let ranged = "/?team.annual_cost_usd=abc&uncertainty.low.team.annual_cost_usd=300000\
                  &uncertainty.high.team.annual_cost_usd=400000&clusters=NaN";
    let (_, html) = page(&app, ranged, "").await;
    assert_eq!(error(&html, "f-team-annual_cost_usd"), "must be a number");
    assert_eq!(error(&html, "f-clusters"), "must be a number");
    assert!(
        !html.contains("the field&#x27;s value"),
        "no bound against a default"
    );
    assert!(
        !html.contains("the field's value"),
        "no bound against a default"
    );
    // The largest seed the API stores opens in the planner.
    let seed = "/?uncertainty.seed=9007199254740992&uncertainty.low.team.annual_cost_usd=150000\
                &uncertainty.high.team.annual_cost_usd=250000";
    let (_, html) = page(&app, seed, "").await;
    assert!(!html.contains("data-testid=\"fix-first\""), "no error");
}

//! What the server functions carry between the server and the pages: plain data,
//! compiled on both sides (the server fills it, the pages render it).

use crate::codec::ShownInPage;
use clusterplan_model::FieldError;
use serde::{Deserialize, Serialize};

/// Markup the server rendered (`crate::report`, every text escaped by Leptos),
/// which a page inserts as is. A page's hydration data leaves it out
/// (`crate::codec::JsonBesidePage`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Html(pub String);

#[cfg(feature = "ssr")]
impl Html {
    /// A view's HTML without the markers Leptos writes for hydration (`<!>`
    /// between text nodes, `<!--<() />-->` for empty ones): the pages insert
    /// this markup and nothing hydrates it. Text is escaped,
    /// so a `<!>` in the markup is always a marker.
    pub fn rendered(view: impl leptos::prelude::RenderHtml) -> Self {
        let html = view.to_html();
        Html(html.replace("<!>", "").replace("<!--<() />-->", ""))
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::Html;
    use leptos::prelude::*;

    #[test]
    fn rendered_markup_has_no_hydration_markers() {
        let (name, n, nothing) = ("a <!> b".to_owned(), 3, None::<String>);
        let html = Html::rendered(view! { <p>{name}" has "{n}<span>{nothing}</span></p> }).0;
        assert_eq!(html, "<p>a &lt;!&gt; b has 3<span></span></p>");
    }
}

/// The planner's answer to a form: the results, or the field errors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The calculation's results and charts, when the form is valid.
    pub report: Option<Html>,
    /// Every invalid field, with its path (the form control's `name`).
    pub errors: Vec<FieldError>,
    /// Each node pool's figures, beside the pool's own inputs (a fleet only).
    #[serde(default)]
    pub pools: Vec<PoolFigures>,
    /// One sentence for the page's live region: the verdict, or how many
    /// fields need a different value. A screen reader reads it as the results
    /// follow the typing, not the whole report.
    pub announce: String,
}

/// One pool's nodes and monthly cost under both options, as a line of text
/// ("EKS: 3 nodes per cluster, $1,234.00 a month for 2 clusters · …"), and the form row it
/// belongs to (`fleet[2].pools[0]`: form rows, not the model's item numbers).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolFigures {
    /// The pool's form row: the prefix of its controls' names.
    pub row: String,
    /// Its figures, for people.
    pub text: String,
}

impl ShownInPage for Html {
    fn without_shown_markup(&self) -> Self {
        Html(String::new())
    }
}

impl ShownInPage for Evaluation {
    fn without_shown_markup(&self) -> Self {
        let report = self.report.as_ref().map(|_| Html(String::new()));
        Self {
            report,
            errors: self.errors.clone(),
            pools: self.pools.clone(),
            announce: self.announce.clone(),
        }
    }
}

/// A saved scenario as the shared page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedScenario {
    /// The share id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The latest revision's number.
    pub revision: i64,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// When the latest revision was written (RFC 3339).
    pub updated_at: String,
    /// The latest revision's results and charts.
    pub report: Html,
    /// The link to share: absolute with the server's public URL, else
    /// root-relative (`/s/{id}`), as the API's `url`.
    pub share_url: String,
    /// The planner link that reproduces the input (to explore it); none when
    /// the scenario is too large for a link (`form::planner_link`).
    pub planner_link: Option<String>,
    /// Whether this browser holds the scenario's edit key.
    pub can_edit: bool,
    /// The planner link that edits it as a new revision; only when this
    /// browser holds the edit key and the link is not too long.
    pub edit_link: Option<String>,
    /// The edit key, only on the first view after the save or fork that made
    /// it, for the owner to keep.
    pub new_edit_key: Option<String>,
}

impl ShownInPage for SharedScenario {
    fn without_shown_markup(&self) -> Self {
        Self {
            report: Html(String::new()),
            ..self.clone()
        }
    }
}

/// One value saving the planner form would change in a saved scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    /// What the field is called on the page.
    pub label: String,
    /// The saved value; empty when it had none.
    pub from: String,
    /// The form's value; empty when it has none.
    pub to: String,
}

/// Saved scenarios side by side, with comparison charts and the scenarios this
/// browser created (to pick from).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The key figures of the scenarios asked for, in order, and charts of
    /// their horizon totals and cumulative lines; none when none were asked for.
    pub report: Option<Html>,
    /// `(id, name)` of the scenarios this browser holds edit tokens for.
    pub own: Vec<(String, String)>,
}

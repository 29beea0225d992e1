//! The script that loads the wasm bundle and hydrates the page, in place of
//! Leptos' `HydrationScripts`: the same files and the same calls, started once
//! the page has painted, with no `preload` hints in the head.
//!
//! Why: a phone on a slow link downloads the 320 KB bundle while it still waits
//! for the HTML and CSS that draw the page. Hinted in the head, the bundle's
//! download began before the first paint and shared the link with them:
//! Lighthouse's mobile preset put the planner's largest paint at 2.7 s, behind
//! the bundle, against 1.1 s for its first. Started after the `load` event and
//! the first paint, the bundle only delays what needs it. The page works without it
//! meanwhile: every form and link is plain HTML (docs/DECISIONS.md, "The
//! bundle is fetched after the first paint"). Not `HydrationScripts`' own
//! `defer`: it keeps the hints, which start the download at once (at low
//! priority, still before the first paint), and waits for an idle callback.

use leptos::config::LeptosOptions;
use leptos::nonce::use_nonce;
use leptos::prelude::*;
use std::sync::OnceLock;

/// The `<script type="module">` that loads and hydrates the bundle.
#[component]
pub fn BundleScript(options: LeptosOptions) -> impl IntoView {
    let (js, wasm) = names(&options);
    let pkg = format!("/{}", options.site_pkg_dir);
    // After `load`, once the first contentful paint is on record (a busy CPU
    // can paint after `load`), then one frame: the bundle never competes with
    // the page's own first paint. Without paint timing, one frame after `load`.
    let script = format!(
        "(()=>{{const go=()=>import('{pkg}/{js}.js').then(m=>m.default({{module_or_path:'{pkg}/{wasm}.wasm'}}).then(()=>m.hydrate()));\
         const later=()=>requestAnimationFrame(()=>setTimeout(go));\
         const painted=()=>{{if(!PerformanceObserver.supportedEntryTypes?.includes('paint')||performance.getEntriesByName('first-contentful-paint').length)later();\
         else new PerformanceObserver((_,o)=>{{o.disconnect();later();}}).observe({{type:'paint'}});}};\
         document.readyState==='complete'?painted():addEventListener('load',painted,{{once:true}});}})()"
    );
    view! { <script type="module" nonce=use_nonce()>{script}</script> }
}

/// The hash the release build's hash file (`kind: hash` lines) gives the
/// file of `kind` (`js`, `wasm`, `css`): what the pages link and what the
/// server checks the site for at start.
pub fn hashed_name(hash_file: &str, kind: &str) -> Option<String> {
    hash_file
        .lines()
        .filter_map(|line| line.trim().split_once(':'))
        .find(|(name, _)| name.trim() == kind)
        .map(|(_, hash)| hash.trim().to_owned())
}

/// The JS and wasm files' names without extension: `clusterplan` in a debug
/// build, `clusterplan.HASH` when the release build wrote its hash file
/// (`LeptosOptions::hash_file`: beside the server binary, or in the site
/// root; what `HydrationScripts` reads, read once here).
fn names(options: &LeptosOptions) -> (String, String) {
    static HASHES: OnceLock<(Option<String>, Option<String>)> = OnceLock::new();
    let (js, wasm) = HASHES.get_or_init(|| {
        if !options.hash_files {
            return (None, None);
        }
        let file = std::env::current_exe()
            .map(|exe| exe.with_file_name(options.hash_file.as_ref()))
            .ok();
        let Some(text) = file.and_then(|file| std::fs::read_to_string(file).ok()) else {
            leptos::logging::error!("File hashing is active but no hash file was found");
            return (None, None);
        };
        (hashed_name(&text, "js"), hashed_name(&text, "wasm"))
    });
    let name = &options.output_name;
    let named = |hash: &Option<String>| match hash {
        Some(hash) => format!("{name}.{hash}"),
        None => name.to_string(),
    };
    // wasm-bindgen writes NAME_bg.wasm; the release build renames it NAME.wasm
    // and says so at compile time (what `HydrationScripts` does too).
    let mut wasm = named(wasm);
    if !options.hash_files && option_env!("LEPTOS_OUTPUT_NAME").is_none() {
        wasm.push_str("_bg");
    }
    (named(js), wasm)
}

//! The script that loads the wasm bundle and hydrates the page, in place of
//! Leptos' `HydrationScripts`: the same files and the same calls, started once
//! the page has painted, with no `preload` hints in the head.
//!
//! Why: a phone on a slow link downloads the 320 KB bundle while it still waits
//! for the HTML and CSS that draw the page. Hinted in the head, the bundle's
//! download began before the first paint and shared the link with them:
//! Lighthouse's mobile preset put the planner's largest paint at 2.7 s, behind
//! the bundle, against 1.1 s for its first. Started after the `load` event and
//! one frame, the bundle only delays what needs it. The page works without it
//! meanwhile: every form and link is plain HTML (docs/DECISIONS.md, "Bundle
//! after the first paint").

use leptos::config::LeptosOptions;
use leptos::nonce::use_nonce;
use leptos::prelude::*;
use std::sync::OnceLock;

/// The `<script type="module">` that loads and hydrates the bundle.
#[component]
pub fn BundleScript(options: LeptosOptions) -> impl IntoView {
    let (js, wasm) = names(&options);
    let pkg = format!("/{}", options.site_pkg_dir);
    let script = format!(
        "(()=>{{const go=()=>import('{pkg}/{js}.js').then(m=>m.default({{module_or_path:'{pkg}/{wasm}.wasm'}}).then(()=>m.hydrate()));\
         const later=()=>requestAnimationFrame(()=>setTimeout(go));\
         document.readyState==='complete'?later():addEventListener('load',later,{{once:true}});}})()"
    );
    view! { <script type="module" nonce=use_nonce()>{script}</script> }
}

/// The JS and wasm files' names without extension: `clusterplan` in a debug
/// build, `clusterplan.HASH` when the release build wrote `hash.txt` beside
/// the server binary (what `HydrationScripts` reads, read once here).
fn names(options: &LeptosOptions) -> (String, String) {
    static HASHES: OnceLock<(Option<String>, Option<String>)> = OnceLock::new();
    let (js, wasm) = HASHES.get_or_init(|| {
        let text = std::env::current_exe()
            .ok()
            .and_then(|exe| std::fs::read_to_string(exe.with_file_name("hash.txt")).ok())
            .unwrap_or_default();
        let hash = |file: &str| {
            text.lines()
                .filter_map(|line| line.trim().split_once(':'))
                .find(|(name, _)| *name == file)
                .map(|(_, hash)| hash.trim().to_owned())
        };
        (hash("js"), hash("wasm"))
    });
    let name = &options.output_name;
    let named = |hash: &Option<String>| match hash {
        Some(hash) if options.hash_files => format!("{name}.{hash}"),
        _ => name.to_string(),
    };
    // wasm-bindgen writes NAME_bg.wasm; the release build renames it NAME.wasm
    // and says so at compile time (what `HydrationScripts` does too).
    let mut wasm = named(wasm);
    if !options.hash_files && option_env!("LEPTOS_OUTPUT_NAME").is_none() {
        wasm.push_str("_bg");
    }
    (named(js), wasm)
}

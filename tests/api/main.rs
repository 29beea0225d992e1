//! Integration tests: each starts the real server on a random port with its own
//! temp SQLite file and talks to it over HTTP.

mod assets;
mod auto_mode_spot_growth;
mod batch;
mod busy;
mod caching;
mod calculate;
mod catalog;
mod catalog_page;
mod charts;
mod cli;
mod compare;
mod concurrency;
mod cross_site;
mod currency;
mod docs;
mod edit_keys;
mod export;
mod fleet;
mod forecast;
mod health;
mod helpers;
mod lifecycle;
mod page_actions;
mod page_cache;
mod pages;
mod proxies;
mod replicas;
mod route_list;
mod saved_inputs_upgrade;
mod scenarios;
mod security;
mod shedding;
mod slow_clients;
mod storage;
mod uncertainty;

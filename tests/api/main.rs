//! Integration tests: each starts the real server on a random port with its own
//! temp SQLite file (or, under scripts/test-postgres.sh, its own PostgreSQL
//! database) and talks to it over HTTP. Tests of one backend's mechanics are in
//! `sqlite_only` (skipped on PostgreSQL) and `postgres_only` (ignored on SQLite).

mod assets;
mod auto_mode_spot_growth;
mod batch;
mod caching;
mod calculate;
mod catalog;
mod catalog_page;
mod charts;
mod cli;
mod compare;
mod concurrency;
mod conditional_changes;
mod cross_site;
mod currency;
mod database;
mod databases;
mod docs;
mod edit_keys;
mod every_violation;
mod export;
mod fleet;
mod forecast;
mod forecast_streamed;
mod form_limits;
mod health;
mod helpers;
mod import;
mod import_limits;
mod import_page;
mod kept_answers;
mod lifecycle;
mod line_item_rows;
mod logs;
mod openapi_rules;
mod page_actions;
mod page_cache;
mod page_weight;
mod pages;
mod pool_figures;
mod postgres_only;
mod proxies;
mod refusals;
mod replicas;
mod route_list;
mod saved_inputs_upgrade;
mod saves;
mod scenarios;
mod security;
mod shedding;
mod slow_clients;
mod sqlite_only;
mod storage;
mod uncertainty;

//! Integration tests: each starts the real server on a random port with its own
//! temp SQLite file and talks to it over HTTP.

mod health;
mod helpers;
mod pages;

//! Where each test server's database comes from: a SQLite file in the test's
//! temp directory, or a new database on the PostgreSQL server that
//! `scripts/test-postgres.sh` starts.

use tempfile::TempDir;

/// A fresh database's URL: a new database on the test PostgreSQL server, or a
/// SQLite file in `dir`.
pub async fn fresh_database_url(dir: &TempDir) -> String {
    match postgres_admin_url() {
        Some(admin) => fresh_postgres_database(&admin).await,
        None => format!("sqlite://{}", dir.path().join("test.db").display()),
    }
}

/// The PostgreSQL server to run against (`scripts/test-postgres.sh` starts one
/// and sets `CLUSTERPLAN_TEST_POSTGRES` to its admin URL); unset: SQLite files.
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("CLUSTERPLAN_TEST_POSTGRES")
        .ok()
        .filter(|url| !url.is_empty())
}

/// Whether this run is against PostgreSQL (`sqlite_only` tests refuse to run
/// then, `postgres_only` tests refuse to run otherwise).
pub fn on_postgres() -> bool {
    postgres_admin_url().is_some()
}

/// A new empty database on the test server; its URL.
async fn fresh_postgres_database(admin: &str) -> String {
    use sqlx::Connection;
    let name = format!(
        "t_{}",
        clusterplan_service::secrets::new_id().to_lowercase()
    );
    let mut connection = sqlx::PgConnection::connect(admin)
        .await
        .expect("the test PostgreSQL server answers");
    // The name is `t_` and base62 from our own random id: nothing to inject.
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut connection)
        .await
        .expect("create a test database");
    let base = admin.rsplit_once('/').map_or(admin, |(base, _)| base);
    format!("{base}/{name}")
}

//! Raw SQL on a test server's own database, on either backend, for tests that
//! put stored data in a state the API cannot (a lost row, an old model's
//! revision). Both backends take `$1`-style parameters through sqlx.

use clusterplan_service::Database;
use clusterplan_service::db::Backend;

use crate::helpers::TestApp;

async fn open(app: &TestApp) -> Database {
    Database::connect(&app.database_url)
        .await
        .expect("opens the test database")
}

/// Runs `sql` with `binds` as `$1`, `$2`, …; the number of rows it changed.
pub async fn execute(app: &TestApp, sql: &'static str, binds: &[&str]) -> u64 {
    match open(app).await.backend() {
        Backend::Sqlite(pool) => {
            let mut query = sqlx::query(sql);
            for bind in binds {
                query = query.bind(bind.to_string());
            }
            query.execute(pool).await.expect(sql).rows_affected()
        }
        Backend::Postgres(pool) => {
            let mut query = sqlx::query(sql);
            for bind in binds {
                query = query.bind(bind.to_string());
            }
            query.execute(pool).await.expect(sql).rows_affected()
        }
    }
}

/// The one integer `sql` selects, with `binds` as `$1`, `$2`, ….
pub async fn fetch_i64(app: &TestApp, sql: &'static str, binds: &[&str]) -> i64 {
    match open(app).await.backend() {
        Backend::Sqlite(pool) => {
            let mut query = sqlx::query_scalar(sql);
            for bind in binds {
                query = query.bind(bind.to_string());
            }
            query.fetch_one(pool).await.expect(sql)
        }
        Backend::Postgres(pool) => {
            let mut query = sqlx::query_scalar(sql);
            for bind in binds {
                query = query.bind(bind.to_string());
            }
            query.fetch_one(pool).await.expect(sql)
        }
    }
}

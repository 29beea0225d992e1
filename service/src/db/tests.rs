//! Connecting: a new file is created and migrated, durability is applied, bad URLs are told.

use super::*;

#[tokio::test]
async fn connect_creates_and_migrates_a_new_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("new.db").display());

    let db = Database::connect(&url).await.expect("connect");

    db.ping().await.expect("ping");
    let tables: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'scenarios'",
    )
    .fetch_one(db.sqlite().expect("a SQLite database"))
    .await
    .expect("query");
    assert_eq!(tables, 1);
}

#[tokio::test]
async fn durability_sets_synchronous() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (durability, expected) in [(Durability::Full, 2), (Durability::Normal, 1)] {
        let url = format!(
            "sqlite://{}",
            dir.path().join(format!("{expected}.db")).display()
        );
        let settings = DbSettings {
            durability,
            ..DbSettings::default()
        };
        let db = Database::connect_with(&url, settings)
            .await
            .expect("connect");
        let level: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(db.sqlite().expect("a SQLite database"))
            .await
            .expect("pragma");
        assert_eq!(level, expected, "{durability:?}");
    }
}

#[tokio::test]
async fn an_unreadable_url_is_a_clear_error() {
    let err = Database::connect("nope.db").await.unwrap_err();
    assert!(err.to_string().contains("invalid database URL"), "{err}");
    let err = Database::connect("mysql://user:secret@host/db")
        .await
        .unwrap_err();
    assert!(!err.to_string().contains("secret"), "{err}");
}

//! The probes: `/healthz` always answers, `/readyz` proves the database works.

use crate::helpers::spawn_app;

#[tokio::test]
async fn healthz_and_readyz_answer_200() {
    // Arrange
    let app = spawn_app().await;

    for path in ["/healthz", "/readyz"] {
        // Act
        let response = app.get(path).await;

        // Assert
        assert_eq!(response.status(), 200, "{path}");
    }
}

#[tokio::test]
async fn start_fails_clearly_when_the_database_cannot_be_opened() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A directory where the database file should be cannot be opened as one.
    let url = format!("sqlite://{}", dir.path().display());

    let error = clusterplan::build(clusterplan::Config::for_tests(url))
        .await
        .err()
        .expect("start must fail");

    assert!(
        error.to_string().contains("cannot open database"),
        "{error}"
    );
}

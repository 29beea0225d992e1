-- Scenarios and their immutable revisions (the same design as the SQLite
-- schema in ../sqlite). A scenario row is the share link (`id`) plus the hash of
-- its edit token; every save appends a revision and moves `latest_revision`.
-- Timestamps are RFC 3339 text, as SQLite stores them, so both backends answer
-- byte for byte alike.
CREATE TABLE scenarios (
    id               TEXT   NOT NULL PRIMARY KEY,
    edit_token_hash  BYTEA  NOT NULL,
    latest_revision  BIGINT NOT NULL CHECK (latest_revision >= 1),
    created_at       TEXT   NOT NULL,
    updated_at       TEXT   NOT NULL
);

CREATE TABLE scenario_revisions (
    scenario_id    TEXT   NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    revision       BIGINT NOT NULL CHECK (revision >= 1),
    name           TEXT   NOT NULL,
    input_json     TEXT   NOT NULL,
    model_version  TEXT   NOT NULL,
    created_at     TEXT   NOT NULL,
    PRIMARY KEY (scenario_id, revision)
);

-- Who may call the service over HTTP Basic: a bcrypt hash of the password (never the password) and the roles.
CREATE TABLE app_user (
    username            TEXT PRIMARY KEY,
    password_hash       TEXT        NOT NULL,
    roles               TEXT[]      NOT NULL
        CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['ingest', 'editor', 'auditor']::TEXT[]),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    password_changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

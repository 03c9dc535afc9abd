-- Issue 15: several instances on one database. Work that used to run in each instance's memory (the bulk
-- re-evaluation after an activation, the scheduled time re-evaluation, the cut-off computation) is a job here, split
-- into batches that any instance claims (FOR UPDATE SKIP LOCKED) for a lease; a batch whose instance died is taken
-- over when its lease ends. Progress is read from these rows, so every instance shows the same.
CREATE TABLE job (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- RULESET_CHANGE, TIME or CUT_OFFS
    kind            TEXT        NOT NULL,
    -- What makes the job the same one when two instances create it: the rule-set change (the version and the
    -- re-evaluation it follows), or the schedule slot. The second INSERT of a key does nothing.
    job_key         TEXT        NOT NULL UNIQUE,
    ruleset_version TEXT        NOT NULL,
    -- Only instances serving ruleset_version may claim its batches (a re-evaluation after a rule-set change).
    same_version_only BOOLEAN   NOT NULL DEFAULT false,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- RUNNING, DONE, STOPPED (a newer job took over) or FAILED
    state           TEXT        NOT NULL,
    finished_at     TIMESTAMPTZ,
    batches         INT         NOT NULL,
    batches_done    INT         NOT NULL DEFAULT 0,
    customers       INT         NOT NULL DEFAULT 0,
    changed         INT         NOT NULL DEFAULT 0,
    error           TEXT
);
CREATE INDEX job_running ON job (id) WHERE state = 'RUNNING';

-- One claimable part of a job: the customers with after_key < id <= up_to_key (no upper bound when null).
CREATE TABLE job_batch (
    job_id      BIGINT      NOT NULL REFERENCES job (id),
    seq         INT         NOT NULL,
    after_key   TEXT        NOT NULL,
    up_to_key   TEXT,
    -- WAITING, CLAIMED or DONE
    state       TEXT        NOT NULL DEFAULT 'WAITING',
    claimed_by  TEXT,
    lease_until TIMESTAMPTZ,
    attempts    INT         NOT NULL DEFAULT 0,
    customers   INT,
    changed     INT,
    done_at     TIMESTAMPTZ,
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX job_batch_open ON job_batch (job_id, seq) WHERE state <> 'DONE';

-- Each running instance says every few seconds that it is alive, and which rule set it serves.
CREATE TABLE service_instance (
    id              TEXT        PRIMARY KEY,
    host            TEXT        NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    last_seen_at    TIMESTAMPTZ NOT NULL,
    ruleset_version TEXT        NOT NULL
);

-- Where an organisation's jobs come from: an ATS job board, a career site, a feed.
CREATE TABLE job_source (
    id                 uuid        PRIMARY KEY,
    organization_id    uuid        NOT NULL,
    name               text        NOT NULL,
    kind               text        NOT NULL,  -- GREENHOUSE, LEVER, JSON_LD, FEED, USAJOBS
    board              text,                  -- Greenhouse board token, Lever site, USAJOBS keyword
    url                text        NOT NULL,  -- API base, career page or feed
    employer           text,                  -- hiring organisation when the source does not say
    credentials_sealed bytea,                 -- AES-GCM sealed API key (USAJOBS), never returned
    credentials_user   text,                  -- USAJOBS asks for the caller's email as User-Agent
    schedule_minutes   integer,               -- null: crawled only on request
    next_crawl_at      timestamptz,
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL,
    last_crawl_id      uuid,
    last_success_at    timestamptz,
    last_error         text,
    last_error_at      timestamptz
);
CREATE UNIQUE INDEX job_source_org_name ON job_source (organization_id, lower(name));
CREATE INDEX job_source_due ON job_source (next_crawl_at) WHERE schedule_minutes IS NOT NULL;

-- One run of a source. Queued rows are the persistent schedule: whichever instance claims a row (with
-- FOR UPDATE SKIP LOCKED and a lease) runs it, and a crawl whose worker died is taken up again.
CREATE TABLE crawl (
    id               uuid        PRIMARY KEY,
    organization_id  uuid        NOT NULL,
    source_id        uuid        NOT NULL REFERENCES job_source (id) ON DELETE CASCADE,
    trigger          text        NOT NULL,  -- MANUAL, SCHEDULE
    status           text        NOT NULL,  -- QUEUED, RUNNING, SUCCEEDED, FAILED
    requested_by     text        NOT NULL,
    requested_at     timestamptz NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    lease_until      timestamptz,
    attempts         integer     NOT NULL DEFAULT 0,
    requests         integer     NOT NULL DEFAULT 0,
    found            integer     NOT NULL DEFAULT 0,
    created          integer     NOT NULL DEFAULT 0,
    updated          integer     NOT NULL DEFAULT 0,
    unchanged        integer     NOT NULL DEFAULT 0,
    duplicates       integer     NOT NULL DEFAULT 0,
    rejected         integer     NOT NULL DEFAULT 0,
    rejection_sample text,                -- why the first refused posting was refused
    closed           integer     NOT NULL DEFAULT 0,
    error            text
);
-- At most one queued or running crawl per source.
CREATE UNIQUE INDEX crawl_one_active_per_source ON crawl (source_id) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX crawl_claimable ON crawl (requested_at) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX crawl_org_source ON crawl (organization_id, source_id, requested_at DESC);

-- Normalised postings. (organization_id, origin, external_id) is the posting at its source: a re-crawl
-- updates the row, a near duplicate from elsewhere is a row of its own linked to its canonical job.
CREATE TABLE job (
    id               uuid        PRIMARY KEY,
    organization_id  uuid        NOT NULL,
    revision         integer     NOT NULL,
    status           text        NOT NULL,  -- OPEN, CLOSED
    origin           text        NOT NULL,  -- source id, or PUSH / UPLOAD
    source_id        uuid REFERENCES job_source (id) ON DELETE SET NULL,
    source_kind      text        NOT NULL,
    external_id      text        NOT NULL,
    source_url       text,
    fetched_at       timestamptz NOT NULL,
    title            text        NOT NULL,
    title_original   text        NOT NULL,
    employer         text,
    employer_key     text,                  -- employer lower-cased, letters and digits only
    description      text        NOT NULL,
    locations        jsonb       NOT NULL,
    workplace        text,
    employment_type  text,
    seniority        text,
    salary_min       numeric,
    salary_max       numeric,
    salary_currency  text,
    salary_period    text,
    salary_estimated boolean,
    salary_text      text,
    posted_at        timestamptz,
    expires_at       timestamptz,
    apply_url        text,
    content_sha256   text        NOT NULL,
    simhash          bigint      NOT NULL,
    canonical_job_id uuid REFERENCES job (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    search           tsvector GENERATED ALWAYS AS (
                         setweight(to_tsvector('english', coalesce(title, '')), 'A')
                         || setweight(to_tsvector('english', coalesce(employer, '')), 'B')
                         || setweight(to_tsvector('english', description), 'C')) STORED
);
CREATE UNIQUE INDEX job_origin_external ON job (organization_id, origin, external_id);
CREATE INDEX job_org_posted ON job (organization_id, coalesce(posted_at, created_at) DESC, id);
CREATE INDEX job_org_employer ON job (organization_id, employer_key);
CREATE INDEX job_canonical ON job (canonical_job_id) WHERE canonical_job_id IS NOT NULL;
CREATE INDEX job_search ON job USING gin (search);

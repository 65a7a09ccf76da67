-- Lumen indexer schema. u64 chain values are stored as BIGINT (values above
-- 2^63-1 saturate; the raw event log keeps the exact JSON), u128 weights as
-- decimal TEXT, addresses as 0x-prefixed 64-digit lowercase hex, byte vectors
-- as 0x-prefixed hex. Times are chain seconds unless the column says _us.

-- One row: how far the mirror got, and which chain and package it mirrors.
CREATE TABLE checkpoint (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL,
    timestamp_us BIGINT NOT NULL,
    chain_id BIGINT,
    package TEXT NOT NULL,
    events_total BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every event of the package, as the node served it.
CREATE TABLE events (
    version BIGINT NOT NULL,
    event_index INT NOT NULL,
    timestamp_us BIGINT NOT NULL,
    event_type TEXT NOT NULL,
    job_id BIGINT,
    account TEXT,
    data JSONB NOT NULL,
    PRIMARY KEY (version, event_index)
);
CREATE INDEX events_job ON events (job_id, version, event_index) WHERE job_id IS NOT NULL;
CREATE INDEX events_account ON events (account, version, event_index) WHERE account IS NOT NULL;
CREATE INDEX events_type ON events (event_type, version);

CREATE TABLE jobs (
    job_id BIGINT PRIMARY KEY,
    address TEXT NOT NULL UNIQUE,
    creator TEXT NOT NULL,
    worker TEXT,
    status SMALLINT NOT NULL,
    spec_hash TEXT NOT NULL,
    frames BIGINT NOT NULL,
    max_price_per_frame BIGINT NOT NULL,
    min_score BIGINT NOT NULL,
    min_vram_mb BIGINT NOT NULL,
    deposit BIGINT NOT NULL,
    price_per_frame BIGINT,
    render_deadline BIGINT,
    worker_score BIGINT,
    frames_done BIGINT,
    output_root TEXT,
    review_deadline BIGINT,
    rerenders BIGINT NOT NULL,
    frames_paid BIGINT NOT NULL,
    gross BIGINT NOT NULL,
    worker_amount BIGINT NOT NULL,
    fee BIGINT NOT NULL,
    refund BIGINT NOT NULL,
    slashed BIGINT NOT NULL,
    lease_secs BIGINT NOT NULL,
    finalized BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    created_version BIGINT NOT NULL,
    updated_version BIGINT NOT NULL
);
CREATE INDEX jobs_status ON jobs (status, job_id);
CREATE INDEX jobs_creator ON jobs (creator, job_id);
CREATE INDEX jobs_worker ON jobs (worker, job_id) WHERE worker IS NOT NULL;

CREATE TABLE workers (
    address TEXT PRIMARY KEY,
    device_id TEXT,
    gpu_model TEXT,
    vram_mb BIGINT NOT NULL,
    score BIGINT NOT NULL,
    bench_version BIGINT NOT NULL,
    score_effective_at BIGINT NOT NULL,
    score_expires_at BIGINT NOT NULL,
    score_revoked BOOLEAN NOT NULL,
    price_per_ib_hour BIGINT NOT NULL,
    stake BIGINT NOT NULL,
    unbonding BIGINT NOT NULL,
    unbonding_available_at BIGINT NOT NULL,
    withdrawn_total BIGINT NOT NULL,
    slashed_total BIGINT NOT NULL,
    frames_completed BIGINT NOT NULL,
    jobs_completed BIGINT NOT NULL,
    jobs_failed BIGINT NOT NULL,
    lease_secs BIGINT NOT NULL,
    rewards_claimed BIGINT NOT NULL,
    vip BOOLEAN NOT NULL,
    first_version BIGINT NOT NULL,
    updated_version BIGINT NOT NULL
);
CREATE INDEX workers_score ON workers (score DESC, address);
CREATE INDEX workers_stake ON workers (stake DESC, address);

CREATE TABLE creators (
    address TEXT PRIMARY KEY,
    jobs_created BIGINT NOT NULL,
    deposited_total BIGINT NOT NULL,
    spent_total BIGINT NOT NULL,
    frames_succeeded BIGINT NOT NULL,
    vip BOOLEAN NOT NULL,
    updated_version BIGINT NOT NULL
);

-- Spend per 30-day month (month = completion time / 2 592 000).
CREATE TABLE creator_months (
    creator TEXT NOT NULL,
    month BIGINT NOT NULL,
    spent BIGINT NOT NULL,
    PRIMARY KEY (creator, month)
);

-- ScoreAttested and ScoreRevoked, newest last.
CREATE TABLE attestations (
    version BIGINT NOT NULL,
    event_index INT NOT NULL,
    worker TEXT NOT NULL,
    revoked BOOLEAN NOT NULL,
    device_id TEXT,
    gpu_model TEXT,
    vram_mb BIGINT,
    score BIGINT,
    bench_version BIGINT,
    nonce BIGINT,
    measured_at BIGINT,
    effective_at BIGINT,
    expires_at BIGINT,
    attesters JSONB,
    revoked_by TEXT,
    reason TEXT,
    PRIMARY KEY (version, event_index)
);
CREATE INDEX attestations_worker ON attestations (worker, version DESC);

CREATE TABLE epochs (
    epoch BIGINT PRIMARY KEY,
    funded BIGINT NOT NULL,
    closed BOOLEAN NOT NULL,
    pool BIGINT NOT NULL,
    poc_pool BIGINT NOT NULL,
    pod_pool BIGINT NOT NULL,
    total_poc_weight TEXT NOT NULL,
    total_pod_weight TEXT NOT NULL,
    rolled_over BIGINT NOT NULL,
    claimed BIGINT NOT NULL,
    reported_online_secs BIGINT NOT NULL,
    updated_version BIGINT NOT NULL
);

-- Per worker and epoch: uptime (PoC), leases (PoD) and the claimed reward.
CREATE TABLE worker_epochs (
    worker TEXT NOT NULL,
    epoch BIGINT NOT NULL,
    online_secs BIGINT NOT NULL,
    uptime_score BIGINT NOT NULL,
    poc_weight TEXT NOT NULL,
    lease_secs BIGINT NOT NULL,
    pod_weight TEXT NOT NULL,
    poc_amount BIGINT NOT NULL,
    pod_amount BIGINT NOT NULL,
    claimed BIGINT NOT NULL,
    PRIMARY KEY (worker, epoch)
);
CREATE INDEX worker_epochs_epoch ON worker_epochs (epoch, worker);

CREATE TABLE vip_passes (
    holder TEXT NOT NULL,
    role SMALLINT NOT NULL,
    token TEXT NOT NULL,
    minted_at BIGINT NOT NULL,
    revoked BOOLEAN NOT NULL,
    revoked_by TEXT,
    updated_version BIGINT NOT NULL,
    PRIMARY KEY (holder, role)
);

-- Current value of every config parameter (ParamsUpdated).
CREATE TABLE params (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL,
    updated_version BIGINT NOT NULL
);

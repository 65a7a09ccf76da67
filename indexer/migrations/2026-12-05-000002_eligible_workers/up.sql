-- Workers that meet every requirement of staking::is_eligible but the score's
-- expiry (checked per request) and a job's own (score, VRAM), with their
-- priority: a job's candidates are read from here in priority order instead
-- of every worker being ranked per request. Kept at ingest for the window
-- and parameters in eligible_basis.
CREATE TABLE eligible_workers (
    address TEXT PRIMARY KEY,
    score BIGINT NOT NULL,
    vram_mb BIGINT NOT NULL,
    score_expires_at BIGINT NOT NULL,
    vip BOOLEAN NOT NULL,
    priority BIGINT NOT NULL,
    online_secs BIGINT NOT NULL
);
CREATE INDEX eligible_workers_rank ON eligible_workers (priority DESC, address);

-- What eligible_workers was computed for: the priority window's epochs
-- [window_from, window_to), stake_factor, vip_worker_days and the floor price
-- min_price_per_ib_hour (both enter the minimum stake).
CREATE TABLE eligible_basis (
    id INT PRIMARY KEY CHECK (id = 1),
    window_from BIGINT NOT NULL,
    window_to BIGINT NOT NULL,
    stake_factor BIGINT NOT NULL,
    vip_days BIGINT NOT NULL,
    min_price BIGINT NOT NULL
);

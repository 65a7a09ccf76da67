-- Device keys and device release (attestation), and each attester's uptime
-- vote measured by its liveness challenges (rewards).

-- The device key the worker's account registered (hex with 0x; NULL until one is).
ALTER TABLE workers ADD COLUMN device_public_key TEXT;

-- Device history, insert-only: device keys registered or rotated, devices
-- released (release_kind 1 by the worker, 2 expired long ago, 3 by the admin).
CREATE TABLE device_events (
    version BIGINT NOT NULL,
    event_index INT NOT NULL,
    worker TEXT NOT NULL,
    -- 'key_registered' or 'released'
    event TEXT NOT NULL,
    device_id TEXT,
    public_key TEXT,
    previous_key TEXT,
    released_by TEXT,
    release_kind SMALLINT,
    PRIMARY KEY (version, event_index)
);
CREATE INDEX device_events_worker ON device_events (worker, version DESC);

-- One vote per attester, worker and epoch (the contract refuses a second):
-- the worker's effective online time is the threshold-th largest vote.
CREATE TABLE uptime_votes (
    epoch BIGINT NOT NULL,
    worker TEXT NOT NULL,
    attester TEXT NOT NULL,
    online_secs BIGINT NOT NULL,
    approvals BIGINT NOT NULL,
    threshold BIGINT NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (epoch, worker, attester)
);
CREATE INDEX uptime_votes_worker ON uptime_votes (worker, epoch DESC);

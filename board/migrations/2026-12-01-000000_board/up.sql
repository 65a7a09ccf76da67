-- The job board, in its own schema (the connection's search_path is `board`).
-- Times are Unix seconds. Addresses and hashes are 0x-prefixed lower-case hex.

-- A job the creator posted: its spec and whether its creator held a VIP pass
-- (its offers go first).
CREATE TABLE jobs (
    job TEXT PRIMARY KEY,
    job_id BIGINT NOT NULL UNIQUE,
    creator TEXT NOT NULL,
    spec JSONB NOT NULL,
    spec_hash TEXT NOT NULL,
    frames BIGINT NOT NULL,
    creator_vip BOOLEAN NOT NULL,
    posted_at BIGINT NOT NULL,
    -- The creator's list of frames to render again, and the on-chain rerender
    -- count it belongs to.
    rerender_round BIGINT,
    rerender_frames JSONB
);

-- Signed assignment offers, a ladder per job tried in `position` order.
CREATE TABLE offers (
    id BIGSERIAL PRIMARY KEY,
    job TEXT NOT NULL REFERENCES jobs (job),
    position INTEGER NOT NULL,
    worker TEXT NOT NULL,
    -- The AssignmentOffer as signed (u64 fields as JSON numbers).
    offer JSONB NOT NULL,
    public_key TEXT NOT NULL,
    signature TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('waiting', 'active', 'accepted', 'declined', 'expired', 'superseded')),
    reason TEXT,
    posted_at BIGINT NOT NULL,
    activated_at BIGINT,
    delivered_at BIGINT,
    closed_at BIGINT,
    UNIQUE (job, position)
);
CREATE INDEX offers_active_by_worker ON offers (worker) WHERE state = 'active';
CREATE INDEX offers_active_by_expiry ON offers (expires_at) WHERE state = 'active';

-- Frames the job's worker uploaded (the bytes are in the blob store).
CREATE TABLE frames (
    job TEXT NOT NULL REFERENCES jobs (job),
    frame BIGINT NOT NULL,
    hash TEXT NOT NULL,
    size BIGINT NOT NULL,
    uploaded_at BIGINT NOT NULL,
    PRIMARY KEY (job, frame)
);

-- Request signatures seen, kept until their timestamp leaves the window.
CREATE TABLE seen_signatures (
    signature TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX seen_signatures_by_expiry ON seen_signatures (expires_at);

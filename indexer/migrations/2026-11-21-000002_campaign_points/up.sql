-- Testnet campaign points from the rest of the protocol (micro-points),
-- derived by the indexer; nothing here is recorded on chain.

-- Per address: render points as creator and as worker, online-but-idle
-- points as worker, and the referral share of its referees' protocol points.
CREATE TABLE campaign_points (
    address TEXT PRIMARY KEY,
    creator_points BIGINT NOT NULL,
    worker_render_points BIGINT NOT NULL,
    worker_online_points BIGINT NOT NULL,
    referral_points BIGINT NOT NULL,
    updated_version BIGINT NOT NULL
);

-- Per (worker, epoch) with an uptime report: what that epoch credited, so a
-- LeaseRecorded or a new report for the epoch, in any order or batch,
-- replaces the epoch's points instead of adding to them.
CREATE TABLE campaign_online (
    worker TEXT NOT NULL,
    epoch BIGINT NOT NULL,
    counted BOOLEAN NOT NULL,
    referrer TEXT,
    points BIGINT NOT NULL,
    referral_points BIGINT NOT NULL,
    updated_version BIGINT NOT NULL,
    PRIMARY KEY (worker, epoch)
);

CREATE TABLE campaign_points (
    address TEXT PRIMARY KEY,
    creator_points BIGINT NOT NULL,
    worker_render_points BIGINT NOT NULL,
    worker_online_points BIGINT NOT NULL,
    referral_points BIGINT NOT NULL,
    updated_version BIGINT NOT NULL
);
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
DROP INDEX campaign_users_rank;
ALTER TABLE campaign_users
    DROP COLUMN creator_render_points,
    DROP COLUMN worker_render_points,
    DROP COLUMN online_points,
    DROP COLUMN credits_spent,
    DROP COLUMN credited_jobs,
    DROP COLUMN points_version,
    DROP COLUMN points_event_index,
    ADD COLUMN claimable BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN claimed_total BIGINT NOT NULL DEFAULT 0;
CREATE INDEX campaign_users_points ON campaign_users (total_points DESC, address);
ALTER TABLE vip_passes DROP COLUMN expired, DROP COLUMN banned;
ALTER TABLE params DROP COLUMN pending_value, DROP COLUMN pending_effective_at;
DROP TABLE chain_config;

-- Rewards, VIP passes, the campaign and governance: every campaign point is
-- recorded on chain (the indexer mirrors it instead of deriving protocol
-- points), parameter changes are queued, VIP passes lapse and revocations ban.

-- The configuration `ConfigInitialized` set: amounts are base units of the
-- payment asset, whose decimals come from the chain.
CREATE TABLE chain_config (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    admin TEXT NOT NULL,
    payment_asset TEXT NOT NULL,
    decimals SMALLINT NOT NULL,
    treasury TEXT NOT NULL,
    arbiter TEXT NOT NULL,
    initialized_version BIGINT NOT NULL
);

-- A queued change of a parameter (ParamChangeQueued), until applied or cancelled.
ALTER TABLE params
    ADD COLUMN pending_value BIGINT,
    ADD COLUMN pending_effective_at BIGINT;

-- A pass burnt by `expire`; a holder banned by the admin's revocation.
ALTER TABLE vip_passes
    ADD COLUMN expired BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN banned BOOLEAN NOT NULL DEFAULT FALSE;

-- Credits are a balance jobs spend (micro-credits); render and online points
-- come from the chain; `points_version`, `points_event_index` order ties on
-- the leaderboard (who reached a total first ranks first, as on chain).
ALTER TABLE campaign_users
    DROP COLUMN claimable,
    DROP COLUMN claimed_total,
    ADD COLUMN creator_render_points BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN worker_render_points BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN online_points BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN credits_spent BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN credited_jobs BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN points_version BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN points_event_index INTEGER NOT NULL DEFAULT 0;
DROP INDEX campaign_users_points;
CREATE INDEX campaign_users_rank
    ON campaign_users (total_points DESC, points_version, points_event_index);

DROP TABLE campaign_points;
DROP TABLE campaign_online;

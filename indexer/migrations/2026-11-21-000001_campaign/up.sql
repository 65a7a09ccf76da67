-- Testnet campaign (points are micro-points, credits base units).

-- One row per participant.
CREATE TABLE campaign_users (
    address TEXT PRIMARY KEY,
    total_points BIGINT NOT NULL,
    checkin_points BIGINT NOT NULL,
    social_points BIGINT NOT NULL,
    referral_points BIGINT NOT NULL,
    check_ins BIGINT NOT NULL,
    streak BIGINT NOT NULL,
    last_day BIGINT,
    credits_earned BIGINT NOT NULL,
    claimable BIGINT NOT NULL,
    claimed_total BIGINT NOT NULL,
    referrer TEXT,
    referrals BIGINT NOT NULL,
    leaderboard_rank BIGINT,
    prize BIGINT NOT NULL,
    updated_version BIGINT NOT NULL
);
CREATE INDEX campaign_users_points ON campaign_users (total_points DESC, address);

-- The campaign's settings and pool (one row once configured or funded).
CREATE TABLE campaign (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    operator TEXT,
    period_start BIGINT NOT NULL,
    period_end BIGINT NOT NULL,
    credit_value BIGINT NOT NULL,
    tier_amounts JSONB NOT NULL,
    pool BIGINT NOT NULL,
    funded_total BIGINT NOT NULL,
    paid_total BIGINT NOT NULL,
    swept_total BIGINT NOT NULL,
    updated_version BIGINT NOT NULL
);

//! Diesel table definitions matching `migrations/` (see the README's schema).
#![allow(missing_docs)]

diesel::table! {
    checkpoint (id) {
        id -> SmallInt,
        version -> BigInt,
        timestamp_us -> BigInt,
        chain_id -> Nullable<BigInt>,
        package -> Text,
        events_total -> BigInt,
        updated_at -> Timestamptz,
        first_version -> BigInt,
        last_hash -> Nullable<Text>,
        last_epoch -> Nullable<BigInt>,
    }
}

diesel::table! {
    events (version, event_index) {
        version -> BigInt,
        event_index -> Integer,
        timestamp_us -> BigInt,
        event_type -> Text,
        job_id -> Nullable<BigInt>,
        account -> Nullable<Text>,
        data -> Jsonb,
    }
}

diesel::table! {
    jobs (job_id) {
        job_id -> BigInt,
        address -> Text,
        creator -> Text,
        worker -> Nullable<Text>,
        status -> SmallInt,
        spec_hash -> Text,
        frames -> BigInt,
        max_price_per_frame -> BigInt,
        min_score -> BigInt,
        min_vram_mb -> BigInt,
        deposit -> BigInt,
        price_per_frame -> Nullable<BigInt>,
        render_deadline -> Nullable<BigInt>,
        worker_score -> Nullable<BigInt>,
        frames_done -> Nullable<BigInt>,
        output_root -> Nullable<Text>,
        review_deadline -> Nullable<BigInt>,
        rerenders -> BigInt,
        frames_paid -> BigInt,
        gross -> BigInt,
        worker_amount -> BigInt,
        fee -> BigInt,
        refund -> BigInt,
        slashed -> BigInt,
        lease_secs -> BigInt,
        finalized -> Bool,
        created_at -> BigInt,
        updated_at -> BigInt,
        created_version -> BigInt,
        updated_version -> BigInt,
        terms -> Nullable<Jsonb>,
        review -> Nullable<Jsonb>,
    }
}

diesel::table! {
    workers (address) {
        address -> Text,
        device_id -> Nullable<Text>,
        gpu_model -> Nullable<Text>,
        vram_mb -> BigInt,
        score -> BigInt,
        bench_version -> BigInt,
        score_effective_at -> BigInt,
        score_expires_at -> BigInt,
        score_revoked -> Bool,
        price_per_ib_hour -> BigInt,
        stake -> BigInt,
        unbonding -> BigInt,
        unbonding_available_at -> BigInt,
        withdrawn_total -> BigInt,
        slashed_total -> BigInt,
        frames_completed -> BigInt,
        jobs_completed -> BigInt,
        jobs_failed -> BigInt,
        lease_secs -> BigInt,
        rewards_claimed -> BigInt,
        vip -> Bool,
        first_version -> BigInt,
        updated_version -> BigInt,
        device_public_key -> Nullable<Text>,
        locked -> BigInt,
    }
}

diesel::table! {
    claimables (owner) {
        owner -> Text,
        balance -> BigInt,
        credited_total -> BigInt,
        withdrawn_total -> BigInt,
        updated_version -> BigInt,
    }
}

diesel::table! {
    creators (address) {
        address -> Text,
        jobs_created -> BigInt,
        deposited_total -> BigInt,
        spent_total -> BigInt,
        frames_succeeded -> BigInt,
        vip -> Bool,
        updated_version -> BigInt,
    }
}

diesel::table! {
    creator_months (creator, month) {
        creator -> Text,
        month -> BigInt,
        spent -> BigInt,
    }
}

diesel::table! {
    attestations (version, event_index) {
        version -> BigInt,
        event_index -> Integer,
        worker -> Text,
        revoked -> Bool,
        device_id -> Nullable<Text>,
        gpu_model -> Nullable<Text>,
        vram_mb -> Nullable<BigInt>,
        score -> Nullable<BigInt>,
        bench_version -> Nullable<BigInt>,
        nonce -> Nullable<BigInt>,
        measured_at -> Nullable<BigInt>,
        effective_at -> Nullable<BigInt>,
        expires_at -> Nullable<BigInt>,
        attesters -> Nullable<Jsonb>,
        revoked_by -> Nullable<Text>,
        reason -> Nullable<Text>,
    }
}

diesel::table! {
    device_events (version, event_index) {
        version -> BigInt,
        event_index -> Integer,
        worker -> Text,
        event -> Text,
        device_id -> Nullable<Text>,
        public_key -> Nullable<Text>,
        previous_key -> Nullable<Text>,
        released_by -> Nullable<Text>,
        release_kind -> Nullable<SmallInt>,
    }
}

diesel::table! {
    epochs (epoch) {
        epoch -> BigInt,
        funded -> BigInt,
        closed -> Bool,
        pool -> BigInt,
        poc_pool -> BigInt,
        pod_pool -> BigInt,
        total_poc_weight -> Text,
        total_pod_weight -> Text,
        rolled_over -> BigInt,
        claimed -> BigInt,
        reported_online_secs -> BigInt,
        updated_version -> BigInt,
    }
}

diesel::table! {
    worker_epochs (worker, epoch) {
        worker -> Text,
        epoch -> BigInt,
        online_secs -> BigInt,
        uptime_score -> BigInt,
        poc_weight -> Text,
        lease_secs -> BigInt,
        pod_weight -> Text,
        poc_amount -> BigInt,
        pod_amount -> BigInt,
        claimed -> BigInt,
    }
}

diesel::table! {
    vip_passes (holder, role) {
        holder -> Text,
        role -> SmallInt,
        token -> Text,
        minted_at -> BigInt,
        revoked -> Bool,
        revoked_by -> Nullable<Text>,
        updated_version -> BigInt,
        expired -> Bool,
        banned -> Bool,
    }
}

diesel::table! {
    params (name) {
        name -> Text,
        value -> BigInt,
        updated_version -> BigInt,
        pending_value -> Nullable<BigInt>,
        pending_effective_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    chain_config (id) {
        id -> SmallInt,
        admin -> Text,
        payment_asset -> Text,
        decimals -> SmallInt,
        treasury -> Text,
        arbiter -> Text,
        initialized_version -> BigInt,
    }
}

diesel::table! {
    campaign_users (address) {
        address -> Text,
        total_points -> BigInt,
        checkin_points -> BigInt,
        social_points -> BigInt,
        referral_points -> BigInt,
        check_ins -> BigInt,
        streak -> BigInt,
        last_day -> Nullable<BigInt>,
        credits_earned -> BigInt,
        referrer -> Nullable<Text>,
        referrals -> BigInt,
        leaderboard_rank -> Nullable<BigInt>,
        prize -> BigInt,
        updated_version -> BigInt,
        creator_render_points -> BigInt,
        worker_render_points -> BigInt,
        online_points -> BigInt,
        credits_spent -> BigInt,
        credited_jobs -> BigInt,
        points_version -> BigInt,
        points_event_index -> Integer,
    }
}

diesel::table! {
    campaign (id) {
        id -> SmallInt,
        operator -> Nullable<Text>,
        period_start -> BigInt,
        period_end -> BigInt,
        credit_value -> BigInt,
        tier_amounts -> Jsonb,
        pool -> BigInt,
        funded_total -> BigInt,
        paid_total -> BigInt,
        swept_total -> BigInt,
        updated_version -> BigInt,
    }
}

diesel::table! {
    uptime_votes (epoch, worker, attester) {
        epoch -> BigInt,
        worker -> Text,
        attester -> Text,
        online_secs -> BigInt,
        approvals -> BigInt,
        threshold -> BigInt,
        version -> BigInt,
    }
}

diesel::table! {
    eligible_workers (address) {
        address -> Text,
        score -> BigInt,
        vram_mb -> BigInt,
        score_expires_at -> BigInt,
        vip -> Bool,
        priority -> BigInt,
        online_secs -> BigInt,
    }
}

diesel::table! {
    eligible_basis (id) {
        id -> Integer,
        window_from -> BigInt,
        window_to -> BigInt,
        stake_factor -> BigInt,
        vip_days -> BigInt,
        min_price -> BigInt,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    checkpoint,
    events,
    jobs,
    workers,
    creators,
    creator_months,
    attestations,
    epochs,
    worker_epochs,
    vip_passes,
    params,
    chain_config,
    campaign_users,
    campaign,
    device_events,
    uptime_votes,
    eligible_workers,
    eligible_basis,
);

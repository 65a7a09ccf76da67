//! Diesel table definitions matching `migrations/` (schema `board`).
#![allow(missing_docs)]

diesel::table! {
    board.jobs (job) {
        job -> Text,
        job_id -> BigInt,
        creator -> Text,
        spec -> Jsonb,
        spec_hash -> Text,
        frames -> BigInt,
        creator_vip -> Bool,
        posted_at -> BigInt,
        rerender_round -> Nullable<BigInt>,
        rerender_frames -> Nullable<Jsonb>,
    }
}

diesel::table! {
    board.offers (id) {
        id -> BigInt,
        job -> Text,
        position -> Integer,
        worker -> Text,
        offer -> Jsonb,
        public_key -> Text,
        signature -> Text,
        expires_at -> BigInt,
        state -> Text,
        reason -> Nullable<Text>,
        posted_at -> BigInt,
        activated_at -> Nullable<BigInt>,
        delivered_at -> Nullable<BigInt>,
        closed_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    board.frames (job, frame) {
        job -> Text,
        frame -> BigInt,
        hash -> Text,
        size -> BigInt,
        uploaded_at -> BigInt,
    }
}

diesel::table! {
    board.seen_signatures (signature) {
        signature -> Text,
        expires_at -> BigInt,
    }
}

diesel::joinable!(offers -> jobs (job));
diesel::joinable!(frames -> jobs (job));
diesel::allow_tables_to_appear_in_same_query!(jobs, offers, frames, seen_signatures);

//! A typed builder for every entry function of the Move package.
//!
//! Each function returns an aptos-sdk [`EntryFunction`] (`.into()` gives a
//! [`TransactionPayload`](aptos_sdk::transaction::TransactionPayload)) whose
//! function id is `<package>::<module>::<name>` and whose arguments are the
//! BCS bytes of the Move parameters after the `&signer`, in declaration
//! order: `address` and `Object<T>` as 32 bytes, `u64` as 8 bytes
//! little-endian, `u8` one byte, `bool` one byte, `String` and `vector<u8>`
//! ULEB128 length + bytes, other vectors ULEB128 count + elements.
//! [`ENTRY_FUNCTIONS`] lists them all with their parameter names, so a test
//! can compare against `move/sources`.

use aptos_sdk::crypto::{Ed25519PublicKey, Ed25519Signature};
use aptos_sdk::transaction::EntryFunction;
use aptos_sdk::types::AccountAddress;

use crate::messages::{AssignmentOffer, BenchmarkReport};
use crate::package::Package;

/// An entry function of the package: module, name and the names of its
/// parameters after the signer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryFunctionInfo {
    /// Move module.
    pub module: &'static str,
    /// Function name.
    pub name: &'static str,
    /// Parameter names after the `&signer`, in order.
    pub params: &'static [&'static str],
    /// The Rust types of the parameters, as written in the builder.
    pub types: &'static [&'static str],
}

fn arg<T: serde::Serialize + ?Sized>(v: &T) -> Vec<u8> {
    aptos_bcs::to_bytes(v).expect("BCS of plain values cannot fail")
}

macro_rules! entry_functions {
    ($(
        $module:ident {
            $(
                $(#[doc = $doc:literal])*
                fn $name:ident ( $( $p:ident : $t:ty ),* $(,)? );
            )*
        }
    )*) => {
        $(
            #[doc = concat!("Entry functions of the `", stringify!($module), "` module.")]
            pub mod $module {
                #[allow(unused_imports)]
                use super::*;
                $(
                    $(#[doc = $doc])*
                    #[doc = ""]
                    #[doc = concat!("Move: `", stringify!($module), "::", stringify!($name),
                        "(&signer", $( ", ", stringify!($p), ": ", stringify!($t), )* ")`.")]
                    #[allow(clippy::too_many_arguments)]
                    pub fn $name(package: &Package $(, $p: $t)*) -> EntryFunction {
                        EntryFunction::new(
                            package.module_id(stringify!($module)),
                            stringify!($name),
                            vec![],
                            vec![$(arg(&$p)),*],
                        )
                    }
                )*
            }
        )*

        /// Every entry function of the package.
        pub const ENTRY_FUNCTIONS: &[EntryFunctionInfo] = &[$($(
            EntryFunctionInfo {
                module: stringify!($module),
                name: stringify!($name),
                params: &[$(stringify!($p)),*],
                types: &[$(stringify!($t)),*],
            },
        )*)*];
    };
}

entry_functions! {
    config {
        /// Once, by the package account: sets the payment asset (its `Object<Metadata>` address), treasury and arbiter.
        fn initialize(payment_asset: AccountAddress, treasury: AccountAddress, arbiter: AccountAddress);
        /// Admin: first step of the admin transfer.
        fn propose_admin(new_admin: AccountAddress);
        /// The proposed admin: second step.
        fn accept_admin();
        /// Admin: the pause switch.
        fn set_paused(paused: bool);
        /// Admin: where fees go.
        fn set_treasury(treasury: AccountAddress);
        /// Admin: who resolves disputes.
        fn set_arbiter(arbiter: AccountAddress);
        /// Admin: authorise an attester.
        fn add_attester(attester: AccountAddress);
        /// Admin: remove an attester.
        fn remove_attester(attester: AccountAddress);
        /// Admin: set a parameter by name (see [`crate::params`]).
        fn set_param(name: &str, value: u64);
    }
    attestation {
        /// Attester: submit a worker's signed benchmark report (see [`attest_report`]).
        fn attest(worker: AccountAddress, device_id: &[u8], gpu_model: &str, vram_mb: u64, score: u64, bench_version: u64, nonce: u64, measured_at: u64, worker_public_key: &[u8], worker_signature: &[u8]);
        /// Admin or attester: revoke a worker's score.
        fn revoke(worker: AccountAddress, reason: &str);
    }
    staking {
        /// Worker: set the price per IB-hour.
        fn set_price(price_per_ib_hour: u64);
        /// Worker: add stake.
        fn stake(amount: u64);
        /// Worker: start unbonding `amount`.
        fn request_unstake(amount: u64);
        /// Worker: withdraw everything whose unbonding has passed.
        fn withdraw();
        /// Admin: move penalties to the treasury.
        fn sweep_penalties(amount: u64);
    }
    escrow {
        /// Creator: create and fund a job (deposit `frames × max_price_per_frame`).
        fn create_job(spec_hash: &[u8], frames: u64, max_price_per_frame: u64, min_score: u64, min_vram_mb: u64);
        /// Worker: accept a creator's signed offer (see [`accept_signed_offer`]).
        fn accept_offer(job: AccountAddress, price_per_frame: u64, render_deadline: u64, offer_expires_at: u64, nonce: u64, creator_public_key: &[u8], creator_signature: &[u8]);
        /// Worker: submit the result.
        fn submit_result(job: AccountAddress, frames_done: u64, output_root: &[u8]);
        /// Creator: accept frames and pay.
        fn confirm(job: AccountAddress, frames_accepted: u64);
        /// Creator: ask for frames again.
        fn request_rerender(job: AccountAddress, frames: u64, render_deadline: u64);
        /// Anyone: settle a job whose review window or dispute timeout passed.
        fn finalize(job: AccountAddress);
        /// Creator: refund after a missed render deadline (slashes the worker).
        fn reclaim(job: AccountAddress);
        /// Creator: cancel an open job.
        fn cancel(job: AccountAddress);
        /// Creator or worker: dispute a submitted job.
        fn dispute(job: AccountAddress, reason_hash: &[u8]);
        /// Arbiter: settle a dispute.
        fn resolve(job: AccountAddress, frames_to_pay: u64);
    }
    rewards {
        /// Attester: report online seconds of workers for an epoch (equal-length vectors).
        fn report_uptime(epoch: u64, workers: &[AccountAddress], online_secs: &[u64]);
        /// Anyone: add to an epoch's pool.
        fn fund_epoch(epoch: u64, amount: u64);
        /// Anyone, after the grace period: close an epoch.
        fn close_epoch(epoch: u64);
        /// Worker: claim an epoch's reward.
        fn claim(epoch: u64);
    }
    vip {
        /// User: mint the VIP pass for a role (0 creator, 1 worker) when eligible.
        fn claim(role: u8);
        /// Admin: burn a holder's pass.
        fn revoke(holder: AccountAddress, role: u8);
    }
    campaign {
        /// User: today's check-in (one per UTC day; see [`crate::formulas::campaign::day_reward`]).
        fn check_in();
        /// User: claim all unclaimed credits from the campaign pool.
        fn claim_credits();
        /// Operator: grant social task `task_id` to `user`, `points` in micro-points (once per user and task).
        fn grant_social_task(user: AccountAddress, task_id: u64, points: u64);
        /// User: register the account that referred it (once; not itself; not after referring others).
        fn register_referral(referrer: AccountAddress);
        /// Anyone: add to the campaign pool.
        fn fund(amount: u64);
        /// Operator, once, after the campaign: pay the ranking (`winners[i]` has rank `i + 1`, `points[i]` micro-points, non-increasing).
        fn pay_leaderboard(winners: &[AccountAddress], points: &[u64]);
        /// Admin: who grants social tasks and pays the leaderboard.
        fn set_operator(operator: AccountAddress);
        /// Admin: the campaign period `[start, end)`.
        fn set_period(start: u64, end: u64);
        /// Admin: base units of the payment asset per credit.
        fn set_credit_value(credit_value: u64);
        /// Admin: per-user payout of the 5 tiers (see [`crate::formulas::campaign::TIER_LAST_RANKS`]).
        fn set_tier_amounts(amounts: &[u64]);
        /// Admin, after the payout: move `amount` of the pool to the treasury.
        fn sweep(amount: u64);
    }
}

/// `attestation::attest` for a signed [`BenchmarkReport`]; the report's
/// `chain_id` is not an argument (the contract uses `chain_id::get()`).
pub fn attest_report(
    package: &Package,
    report: &BenchmarkReport,
    worker_public_key: &Ed25519PublicKey,
    worker_signature: &Ed25519Signature,
) -> EntryFunction {
    attestation::attest(
        package,
        report.worker,
        &report.device_id,
        &report.gpu_model,
        report.vram_mb,
        report.score,
        report.bench_version,
        report.nonce,
        report.measured_at,
        &worker_public_key.to_bytes(),
        &worker_signature.to_bytes(),
    )
}

/// `escrow::accept_offer` for a signed [`AssignmentOffer`].
pub fn accept_signed_offer(
    package: &Package,
    offer: &AssignmentOffer,
    creator_public_key: &Ed25519PublicKey,
    creator_signature: &Ed25519Signature,
) -> EntryFunction {
    escrow::accept_offer(
        package,
        offer.job,
        offer.price_per_frame,
        offer.render_deadline,
        offer.offer_expires_at,
        offer.nonce,
        &creator_public_key.to_bytes(),
        &creator_signature.to_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_job_bytes() {
        let f = escrow::create_job(&Package::DEV, &[0xab, 0xcd], 240, 1000, 2_000_000, 8192);
        assert_eq!(f.module.address, Package::DEV.address);
        assert_eq!(f.module.name.as_str(), "escrow");
        assert_eq!(f.function, "create_job");
        assert!(f.type_args.is_empty());
        assert_eq!(
            f.args,
            vec![
                vec![2, 0xab, 0xcd],
                240u64.to_le_bytes().to_vec(),
                1000u64.to_le_bytes().to_vec(),
                2_000_000u64.to_le_bytes().to_vec(),
                8192u64.to_le_bytes().to_vec(),
            ]
        );
    }

    #[test]
    fn vectors_strings_bools_u8() {
        let a = AccountAddress::from_hex("0x2").unwrap();
        let f = rewards::report_uptime(&Package::DEV, 7, &[AccountAddress::ONE, a], &[3600, 5]);
        let mut addrs = vec![2u8];
        addrs.extend_from_slice(AccountAddress::ONE.as_bytes());
        addrs.extend_from_slice(a.as_bytes());
        let mut secs = vec![2u8];
        secs.extend_from_slice(&3600u64.to_le_bytes());
        secs.extend_from_slice(&5u64.to_le_bytes());
        assert_eq!(f.args, vec![7u64.to_le_bytes().to_vec(), addrs, secs]);

        let f = config::set_param(&Package::DEV, "epoch_secs", 60);
        assert_eq!(f.args[0], [&[10u8][..], b"epoch_secs"].concat());
        assert_eq!(
            config::set_paused(&Package::DEV, true).args,
            vec![vec![1u8]]
        );
        assert_eq!(vip::claim(&Package::DEV, 1).args, vec![vec![1u8]]);
        assert!(staking::withdraw(&Package::DEV).args.is_empty());
        // A long vector<u8> gets a multi-byte ULEB128 length.
        let f = escrow::dispute(&Package::DEV, a, &[7u8; 200]);
        assert_eq!(&f.args[1][..2], &[0xc8, 0x01]);
    }

    #[test]
    fn campaign_bytes() {
        let a = AccountAddress::from_hex("0xa11ce").unwrap();
        let f = campaign::pay_leaderboard(&Package::DEV, &[a], &[5_000_000]);
        assert_eq!(f.module.name.as_str(), "campaign");
        let mut winners = vec![1u8];
        winners.extend_from_slice(a.as_bytes());
        let mut points = vec![1u8];
        points.extend_from_slice(&5_000_000u64.to_le_bytes());
        assert_eq!(f.args, vec![winners, points]);
        let f = campaign::set_tier_amounts(&Package::DEV, &[200, 100, 50, 14, 8]);
        assert_eq!(f.args[0].len(), 1 + 5 * 8);
        assert_eq!(f.args[0][0], 5);
        assert!(campaign::check_in(&Package::DEV).args.is_empty());
        assert_eq!(
            campaign::grant_social_task(&Package::DEV, a, 3, 5_000_000).args[1],
            3u64.to_le_bytes().to_vec()
        );
    }

    #[test]
    fn table_matches_builders() {
        assert_eq!(ENTRY_FUNCTIONS.len(), 43);
        let attest = ENTRY_FUNCTIONS
            .iter()
            .find(|f| f.module == "attestation" && f.name == "attest")
            .unwrap();
        assert_eq!(attest.params.len(), 10);
        assert_eq!(attest.params[8], "worker_public_key");
    }
}

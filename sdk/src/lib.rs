//! `lumen-sdk`: the single Rust definition of the Lumen Move package's
//! interface, and the protocol's formulas.
//!
//! Module map:
//!
//! | module | what |
//! |---|---|
//! | [`package`] | [`Package`]: the package address everything is derived from (`Package::DEV` = `0xcafe`); object addresses (`job_address`) |
//! | [`payloads`] | a builder per entry function (`payloads::escrow::create_job(&pkg, …)` → aptos-sdk `EntryFunction`), `attest_report`, `accept_signed_offer`, [`payloads::ENTRY_FUNCTIONS`] |
//! | [`messages`] | [`messages::BenchmarkReport`], [`messages::AssignmentOffer`]: `signing_bytes`, `sign`, `verify` (strict ed25519, as `signature_verify_strict_t`) |
//! | [`envelope`] | an offer as a wallet's `signMessage` signs it: the offer text, the AIP-62 envelope, sign and verify |
//! | [`interface`] | the tables above as JSON with Move types (`lumen interface`; the TypeScript client is generated from it) |
//! | [`keys`] | the account key schemes that sign offers (Ed25519, SingleKey, MultiKey): public key bytes, authentication keys, signature bytes |
//! | [`events`] | one struct per `#[event]`, [`events::LumenEvent`] over all of them (and [`events::ByModule`], borrowed by module), REST JSON decoding with [`events::DecodeError`] |
//! | [`views`] | a wrapper per `#[view]` (`views::staking::min_stake(&pkg, …)` → typed [`views::ViewCall`]), `ReportInfo`, `JobInfo`, `EpochInfo`, `UserInfo` |
//! | [`rest`] | the REST JSON transaction writer: genesis, block metadata, signed user transactions with their events or abort ([`rest::Writer`]) |
//! | [`tx`] | build / sign / sponsor (fee payer) / simulate / submit / wait with aptos-sdk; [`tx::LumenClient`]; dry-run JSON |
//! | [`formulas`] | minimum stake, payout split, pool split and reward shares, VIP eligibility, priority scores, worker points; [`formulas::campaign`]: check-in table, referral shares, render/idle points, payout tiers, leaderboard |
//! | [`render`] | [`render::JobSpec`] (canonical BCS, `hash` = the on-chain `spec_hash`), [`render::content_hash`] of blobs and frames, [`render::output_root`] (Merkle root of frame hashes, the on-chain `output_root`) |
//! | [`params`] | the `config` parameters, defaults and bounds |
//! | [`codes`] | [`JobStatus`], [`VipRole`], [`OfferKind`] |
//! | [`errors`] | every abort: module, name, code, category, description, the VM status a node reports |
//! | [`wallet`] | entry-function calls as wallet JSON (`{function, typeArguments, functionArguments}`), both ways |
//! | [`movejson`] | Move values in the REST JSON encoding (u64 as strings, short/long addresses, `Option` as `{"vec": []}`) |
//! | `standin` | (feature `standin`) a local fullnode REST stand-in for tests |
//! | `logging` | (feature `logging`) the binaries' logging set-up: `RUST_LOG` to stdout or stderr |
//!
//! The `lumen` command line is the crate `lumen-cli` (`cli/`).
//! Shared test vectors live in `tests/vectors/*.json` at the repository root.
//!
//! Addresses are aptos-sdk's [`AccountAddress`], re-exported here.

#![warn(missing_docs)]

pub mod codes;
pub mod envelope;
pub mod errors;
pub mod events;
pub mod formulas;
pub mod interface;
pub mod keys;
#[cfg(feature = "logging")]
pub mod logging;
pub mod messages;
pub mod movejson;
pub mod package;
pub mod params;
pub mod payloads;
pub mod render;
pub mod rest;
pub mod tx;
pub mod views;
pub mod wallet;

pub use aptos_sdk;
pub use aptos_sdk::types::AccountAddress;
pub use codes::{JobStatus, OfferKind, VipRole};
pub use package::Package;
#[cfg(feature = "standin")]
pub mod standin;

//! The board's HTTP API in types: what clients send and what the board
//! answers (JSON; u64 as numbers, addresses and hashes as `0x` hex).
//!
//! | route | who | body → answer |
//! |---|---|---|
//! | `PUT /v1/blobs/{hash}` | any account, signed | scene bytes → [`BlobStored`] |
//! | `GET /v1/blobs/{hash}` | anyone | the bytes (verified against `hash`) |
//! | `POST /v1/jobs` | the job's creator, signed | [`PostJob`] → [`JobView`] |
//! | `GET /v1/jobs/{job}` | anyone | [`JobView`] |
//! | `GET /v1/jobs/{job}/candidates?limit=` | anyone | [`Candidates`] (the indexer's ranking) |
//! | `POST /v1/jobs/{job}/offers` | the creator, signed | [`PostOffers`] → [`JobView`] |
//! | `POST /v1/jobs/{job}/rerender` | the creator, signed | [`PostRerender`] → [`JobView`] |
//! | `PUT /v1/jobs/{job}/frames/{frame}` | the job's worker, signed | PNG bytes → [`FrameView`] |
//! | `GET /v1/workers/{address}/offers?wait=` | anyone | [`OffersPage`] (long poll) |
//! | `POST /v1/offers/{id}/decline` | the offer's worker, signed | [`Decline`] → [`OfferView`] |
//! | `POST /v1/offers/{id}/accepted` | the offer's worker, signed | `{}` → [`OfferView`] |
//!
//! `{job}` is the job's object address or its decimal job id. Errors are
//! [`ErrorBody`].

use lumen_sdk::aptos_sdk::crypto::{Ed25519PublicKey, Ed25519Signature};
use lumen_sdk::messages::AssignmentOffer;
use lumen_sdk::render::{Hash32, JobSpec};
use lumen_sdk::AccountAddress;
use serde::{Deserialize, Serialize};

/// Every error answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// What went wrong, in words.
    pub error: String,
    /// The parameter, header or field at fault, when one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
}

/// A stored blob.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlobStored {
    /// Its SHA3-256, the address it is fetched by.
    pub hash: Hash32,
    /// Its size in bytes.
    pub size: u64,
}

/// A creator announces a job it created on chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostJob {
    /// The job's object address.
    pub job: AccountAddress,
    /// The spec whose hash is the job's `spec_hash`.
    pub spec: JobSpec,
}

/// An assignment offer with the creator's signature over it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedOffer {
    /// The offer as signed.
    pub offer: AssignmentOffer,
    /// The creator's ed25519 signature (hex).
    pub signature: String,
}

/// A creator's ladder of offers for one job, in the order they are tried:
/// each is handed to its worker only once the one before it expired or was
/// declined, so `offer_expires_at` must rise along the ladder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostOffers {
    /// The creator's ed25519 public key (hex), its current authentication key.
    pub public_key: String,
    /// The offers, first candidate first.
    pub offers: Vec<SignedOffer>,
}

/// The frames the creator wants rendered again in rerender round `round`
/// (the job's on-chain `rerenders` after `escrow::request_rerender`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostRerender {
    /// The on-chain rerender count this list belongs to.
    pub round: u64,
    /// Frame numbers, each inside the spec's range.
    pub frames: Vec<u64>,
}

/// The rerender list of the current round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RerenderView {
    /// The on-chain rerender count it belongs to.
    pub round: u64,
    /// Frame numbers.
    pub frames: Vec<u64>,
}

/// Where an offer stands on the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OfferState {
    /// Behind an earlier offer of its ladder; not shown to its worker yet.
    Waiting,
    /// Shown to its worker, which may accept it on chain.
    Active,
    /// Its worker took the job on chain.
    Accepted,
    /// Its worker said no.
    Declined,
    /// It expired unaccepted.
    Expired,
    /// The job went to another offer or left Open.
    Superseded,
}

impl OfferState {
    /// The name stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            OfferState::Waiting => "waiting",
            OfferState::Active => "active",
            OfferState::Accepted => "accepted",
            OfferState::Declined => "declined",
            OfferState::Expired => "expired",
            OfferState::Superseded => "superseded",
        }
    }

    /// The state of a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        use OfferState::*;
        [Waiting, Active, Accepted, Declined, Expired, Superseded]
            .into_iter()
            .find(|st| st.as_str() == s)
    }
}

/// An offer on the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferView {
    /// The board's id of the offer.
    pub id: i64,
    /// Its place in the job's ladder (0 first).
    pub position: i32,
    /// Where it stands.
    pub state: OfferState,
    /// Why it was declined, expired or superseded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The offer as signed.
    pub offer: AssignmentOffer,
    /// The creator's public key (hex).
    pub public_key: String,
    /// The creator's signature (hex).
    pub signature: String,
    /// The job's creator.
    pub creator: AccountAddress,
    /// Whether the creator held a creator VIP pass when the job was posted
    /// (its offers come first).
    pub creator_vip: bool,
    /// When it became active (Unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activated_at: Option<u64>,
}

impl OfferView {
    /// The creator's key and signature, parsed.
    pub fn credentials(&self) -> Result<(Ed25519PublicKey, Ed25519Signature), String> {
        let pk = Ed25519PublicKey::from_hex(&self.public_key).map_err(|e| e.to_string())?;
        let sig = Ed25519Signature::from_hex(&self.signature).map_err(|e| e.to_string())?;
        Ok((pk, sig))
    }
}

/// A worker's active offers, VIP creators first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffersPage {
    /// The offers.
    pub offers: Vec<OfferView>,
}

/// A worker turns an offer down (the next candidate gets the job at once).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decline {
    /// Why, in words (shown to the creator).
    pub reason: String,
}

/// A frame on the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameView {
    /// The frame number.
    pub frame: u64,
    /// SHA3-256 of the file: its blob address and its Merkle leaf input.
    pub hash: Hash32,
    /// Bytes.
    pub size: u64,
    /// When it was uploaded (Unix seconds).
    pub uploaded_at: u64,
}

/// A job on the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobView {
    /// The job's object address.
    pub job: AccountAddress,
    /// The on-chain job id.
    pub job_id: u64,
    /// The creator.
    pub creator: AccountAddress,
    /// What to render.
    pub spec: JobSpec,
    /// `spec.hash()`, equal to the on-chain `spec_hash`.
    pub spec_hash: Hash32,
    /// Whether the creator held a creator VIP pass when the job was posted.
    pub creator_vip: bool,
    /// When the job was posted (Unix seconds).
    pub posted_at: u64,
    /// Every offer of the job, ladder order.
    pub offers: Vec<OfferView>,
    /// Frames uploaded, by frame number.
    pub frames: Vec<FrameView>,
    /// The current rerender list, if the creator posted one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rerender: Option<RerenderView>,
}

/// A worker the indexer ranks for a job.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// The worker.
    pub address: AccountAddress,
    /// 1-based rank.
    pub rank: u64,
    /// Whether it holds one of the leading VIP slots.
    pub vip_priority_slot: bool,
    /// Its priority score.
    pub priority: u64,
}

/// The ranked candidates of a job.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidates {
    /// The job.
    pub job: AccountAddress,
    /// Eligible workers in all.
    pub eligible_total: u64,
    /// How many VIP slots lead the ranking.
    pub vip_first: u64,
    /// The first `limit`, best first.
    pub candidates: Vec<Candidate>,
}

//! The attester service's HTTP API: request and response bodies shared by
//! `lumen-relayer attest` (the client) and `lumen-relayer serve`.
//!
//! | method and path | body | answer |
//! |---|---|---|
//! | `POST /v1/challenges` | [`ChallengeRequest`] | [`Challenge`] or [`Rejected`] (HTTP 4xx) |
//! | `POST /v1/challenges/round` | [`ChallengeRound`] | a [`Challenge`] per device, or [`Rejected`] |
//! | `POST /v1/reports` | [`Submission`] | [`NextRound`] before the last round, then [`Picked`]; or [`Rejected`] (HTTP 4xx) |
//! | `POST /v1/reports/openings` | [`Opening`] | [`Accepted`] or [`Rejected`] (HTTP 4xx) |
//! | `POST /v1/liveness` | [`LivenessPoll`] | [`LivenessTask`] or [`Rejected`] |
//! | `POST /v1/liveness/answers` | [`LivenessAnswer`] | [`Picked`] or [`Rejected`] |
//! | `POST /v1/liveness/openings` | [`Opening`] | [`LivenessAck`] or [`Rejected`] |
//! | `GET /v1/jobs` | | the durable queue's jobs, for operators |
//! | `GET /health` | | `ok` |
//!
//! An answer takes two requests per timed round: the signed commitment to
//! the round's outputs (its arrival ends the time the attester measures for
//! that round; before the last round the attester answers with the next
//! round's seeds, [`NextRound`], and the next round's time starts), then,
//! after the last round, the openings of the outputs the attester picked
//! at random in the round it scores ([`Picked`]), due within
//! [`Picked::open_within_ms`].
//!
//! Every refusal, including a malformed body, an unknown path, a timeout and
//! an internal failure, answers with the one [`Rejected`] shape.

use aptos_sdk::crypto::{Ed25519PrivateKey, Ed25519PublicKey, Ed25519Signature};
use lumen_sdk::messages::BenchmarkReport;
use lumen_sdk::{AccountAddress, Package};
use serde::{Deserialize, Serialize};

use crate::work::{Openings, SamplePicks, WorkAnswer, Workload};

/// Asks for a timed challenge for one worker's device, sized for the score
/// and memory it claims.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ChallengeRequest {
    /// The worker the challenge is for.
    pub worker: AccountAddress,
    /// The score the device claims, micro-units: the work is sized so a
    /// device of that score needs a few seconds, and one much slower misses
    /// the deadline.
    pub claimed_score: u64,
    /// The device memory to prove, MiB.
    pub vram_mb: u64,
    /// The report's nonce, when the worker picks it (microseconds since the
    /// epoch, within the allowed clock skew of the service's clock and
    /// above the last one it issued the worker): a worker attested by
    /// several attesters asks each for a challenge with the same nonce, so
    /// that they all approve one report. Default: the service picks it.
    #[serde(default)]
    pub nonce: Option<u64>,
}

/// Asks for challenges for every device of one machine at once: they are
/// issued at one instant, so a machine answers them all in time only with as
/// many devices as it names (one device answering for each in turn misses
/// the later deadlines). The service asks for a round once other workers'
/// devices were attested from the same network address.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ChallengeRound {
    /// One request per device, each for its own worker.
    pub devices: Vec<ChallengeRequest>,
}

/// A challenge: the work named by `work` must be run with `seed` (and the
/// work's memory seed) and answered within `deadline_ms` of its issue, as
/// measured by the attester; the signed report must carry `nonce`. Usable once.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Challenge {
    /// Identifier, hex of 16 random bytes.
    pub id: String,
    /// The worker it was issued to.
    pub worker: AccountAddress,
    /// The report's nonce: strictly rising across all challenges the service
    /// issues (microseconds since the epoch, bumped on collision), so it also
    /// rises per worker as the contract requires.
    pub nonce: u64,
    /// The hash-chain seed, hex of 32 random bytes.
    pub seed: String,
    /// Issue time, seconds.
    pub issued_at: u64,
    /// Expiry, seconds.
    pub expires_at: u64,
    /// The chain id the report must be signed for.
    pub chain_id: u8,
    /// The package the report must be signed for (the service attests for
    /// this package only).
    pub package: AccountAddress,
    /// The work, sized by the attester.
    pub work: Workload,
    /// Milliseconds after issue by which the answer must arrive; each later
    /// round has the same time from its own start.
    pub deadline_ms: u64,
    /// Timed rounds: the same work, each round with fresh seeds, round `r`
    /// starting `r × deadline_ms` after the issue and timed by the attester
    /// from its start to its commitment. Every round's outputs are checked;
    /// the score is the median round's, so a round slowed by something else
    /// on the machine does not move it.
    #[serde(default = "one_round")]
    pub rounds: u32,
}

fn one_round() -> u32 {
    1
}

/// The attester's answer to the commitment of a round before the last: the
/// next round's seeds. Rounds start on the attester's schedule, one
/// deadline apart from the challenge's issue (the same instants for every
/// challenge of a machine's round), and the answer is sent at the next
/// round's start: a worker cannot choose when a round's time starts.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct NextRound {
    /// The challenge answered.
    pub challenge_id: String,
    /// The round to run now (0 is the challenge's own).
    pub round: u32,
    /// Its hash-chain seed, hex of 32 random bytes.
    pub seed: String,
    /// Its memory seed, hex of 32 random bytes.
    pub mem_seed: String,
    /// Milliseconds after its start (this answer) by which its commitment
    /// must arrive.
    pub deadline_ms: u64,
}

/// What a round's commitment gets: the next round, or after the last round
/// the outputs to open. The JSON body is the inner value's.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum Committed {
    /// Run this round now.
    Next(NextRound),
    /// Open these outputs.
    Picked(Picked),
}

/// A device-signed report with the commitment to its challenge's work. It
/// carries no figures or timings: the attester measures the time itself,
/// up to this submission's arrival.
///
/// The device key signs twice: the report (the on-chain message, which the
/// contract verifies) and the commitment
/// ([`Submission::commitment_bytes`]: the challenge, the report and both
/// roots), so that whoever sees a signed report in flight cannot answer its
/// challenge with outputs of its own.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Submission {
    /// The challenge answered.
    pub challenge_id: String,
    /// The report the worker's device key signed.
    pub report: BenchmarkReport,
    /// The worker's device public key, hex.
    pub public_key: String,
    /// The device key's signature over the report's signing bytes, hex.
    pub signature: String,
    /// The device key's signature over [`Submission::commitment_bytes`],
    /// hex. Absent from a client that predates it, which is refused as
    /// `bad_commitment_signature`.
    #[serde(default)]
    pub commitment_signature: String,
    /// The commitments of the round's work.
    pub answer: WorkAnswer,
    /// The round answered (0 is the challenge's own seeds; see
    /// [`Challenge::rounds`]).
    #[serde(default)]
    pub round: u32,
}

/// Domain separator of the device key's signature over an attestation's
/// commitment, so it can never be mistaken for a transaction, a report or a
/// liveness signature.
pub const ATTEST_COMMIT_DOMAIN: &[u8] = b"LUMEN::AttestCommitment::v1";

impl Submission {
    /// `ATTEST_COMMIT_DOMAIN ‖ challenge id ‖ sha3_256(the report's signing
    /// bytes under package) ‖ hash root ‖ walk root`, each variable part
    /// prefixed by its length (u64 LE). The report enters by the hash of
    /// exactly what the contract checks, so the commitment is bound to the
    /// one report (nonce, device, package) that goes on chain.
    pub fn commitment_bytes(
        challenge_id: &str,
        report: &BenchmarkReport,
        package: &Package,
        answer: &WorkAnswer,
    ) -> Vec<u8> {
        use sha3::Digest;
        let report_hash = sha3::Sha3_256::digest(report.signing_bytes(package));
        let mut bytes = ATTEST_COMMIT_DOMAIN.to_vec();
        let mut part = |p: &[u8]| {
            bytes.extend_from_slice(&(p.len() as u64).to_le_bytes());
            bytes.extend_from_slice(p);
        };
        part(challenge_id.as_bytes());
        part(&report_hash);
        part(answer.hash.root.as_bytes());
        part(answer.walk.root.as_bytes());
        bytes
    }

    /// Builds a submission with both of the device key's signatures: over
    /// the report (for `package`) and over the commitment.
    pub fn sign(
        challenge_id: String,
        report: BenchmarkReport,
        answer: WorkAnswer,
        package: &Package,
        key: &Ed25519PrivateKey,
    ) -> Self {
        let commitment = Self::commitment_bytes(&challenge_id, &report, package, &answer);
        Submission {
            signature: hex::encode(report.sign(package, key).to_bytes()),
            commitment_signature: hex::encode(key.sign(&commitment).to_bytes()),
            public_key: hex::encode(key.public_key().to_bytes()),
            challenge_id,
            report,
            answer,
            round: 0,
        }
    }

    /// The same submission signed again with `key` (both signatures), as
    /// it now reads.
    pub fn resigned(self, package: &Package, key: &Ed25519PrivateKey) -> Self {
        Self::sign(self.challenge_id, self.report, self.answer, package, key)
    }
}

/// The attester's answer to a commitment (a report's or a liveness
/// answer's): the outputs to open, drawn at random once it held the
/// commitment. Drawn once per challenge.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Picked {
    /// The challenge answered.
    pub challenge_id: String,
    /// The outputs to open.
    pub picks: SamplePicks,
    /// Milliseconds after the commitment's arrival by which the openings
    /// must arrive (a round trip: the worker holds its outputs).
    pub open_within_ms: u64,
    /// The outputs to open in each round before the last, in round order
    /// (`picks` is the last round's): every round is checked, so a round
    /// made up to look fast or slow fails its openings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<SamplePicks>,
}

/// The outputs the attester picked, opened: the second half of an answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Opening {
    /// The challenge answered.
    pub challenge_id: String,
    /// The worker.
    pub worker: AccountAddress,
    /// The picked outputs with their chunks and Merkle paths (the last
    /// round's).
    pub openings: Openings,
    /// The openings of each round before the last, in round order, at
    /// [`Picked::earlier`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<Openings>,
}

impl Opening {
    /// The length of the largest honest [`Opening`] of `rounds` rounds as
    /// `lumen-relayer attest` sends it (compact JSON): every round's
    /// [`Openings::largest`].
    pub fn largest_body_bytes(rounds: u32) -> usize {
        let opening = Opening {
            challenge_id: "f".repeat(32),
            worker: AccountAddress::from_hex("f".repeat(64)).expect("64 hex digits"),
            openings: Openings::largest(),
            earlier: vec![Openings::largest(); rounds.saturating_sub(1) as usize],
        };
        serde_json::to_vec(&opening).map_or(usize::MAX, |body| body.len())
    }

    /// The body limit of the openings routes for challenges of up to
    /// `rounds` rounds: the largest honest opening and a quarter more for
    /// another client's formatting.
    pub fn body_limit(rounds: u32) -> usize {
        Self::largest_body_bytes(rounds) / 4 * 5
    }
}

/// The report was accepted and queued for `attestation::attest`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Accepted {
    /// The durable queue job that will submit it.
    pub job_id: String,
    /// The attested score, micro-units: the work done over the time the
    /// attester measured.
    pub score: u64,
    /// The time the attester measured for the scored round, from its start
    /// to its commitment, milliseconds.
    pub elapsed_ms: u64,
}

/// Why a request was refused: the one error shape of the service.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Rejected {
    /// A stable machine-readable reason (see [`crate::verify::Rejection::code`]).
    pub reason: String,
    /// A sentence for people.
    pub message: String,
}

/// A worker's render node asking whether a liveness challenge is due.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LivenessPoll {
    /// The worker.
    pub worker: AccountAddress,
}

/// What a liveness poll gets: nothing due yet (poll again after `wait_ms`),
/// or a small timed challenge to answer with the device.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum LivenessTask {
    /// Nothing due: poll again after this many milliseconds (the same
    /// whenever the next challenge is due, so the schedule stays unknown).
    Wait {
        /// Milliseconds.
        wait_ms: u64,
    },
    /// Answer this within its deadline.
    Challenge(LivenessChallenge),
}

/// A liveness challenge: small work sized from the worker's attested score,
/// issued at a moment the attester picked at random.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct LivenessChallenge {
    /// Identifier, hex of 16 random bytes.
    pub id: String,
    /// The worker.
    pub worker: AccountAddress,
    /// The hash-chain seed, hex of 32 bytes.
    pub seed: String,
    /// The work.
    pub work: Workload,
    /// Milliseconds after issue by which the answer must arrive.
    pub deadline_ms: u64,
}

/// The device's answer to a liveness challenge, signed by its device key.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LivenessAnswer {
    /// The challenge answered.
    pub challenge_id: String,
    /// The worker.
    pub worker: AccountAddress,
    /// The worker's device public key, hex.
    pub public_key: String,
    /// The device key's signature over [`LivenessAnswer::signing_bytes`], hex.
    pub signature: String,
    /// The work's commitments.
    pub answer: WorkAnswer,
}

/// Domain separator of liveness signatures, so one can never be mistaken for
/// a transaction or a report signature.
pub const LIVENESS_DOMAIN: &[u8] = b"LUMEN::Liveness::v1";

impl LivenessAnswer {
    /// `LIVENESS_DOMAIN ‖ worker ‖ challenge id ‖ hash root ‖ walk root`.
    pub fn signing_bytes(
        worker: &AccountAddress,
        challenge_id: &str,
        answer: &WorkAnswer,
    ) -> Vec<u8> {
        let mut bytes = LIVENESS_DOMAIN.to_vec();
        bytes.extend_from_slice(worker.as_bytes());
        for part in [challenge_id, &answer.hash.root, &answer.walk.root] {
            bytes.extend_from_slice(&(part.len() as u64).to_le_bytes());
            bytes.extend_from_slice(part.as_bytes());
        }
        bytes
    }

    /// Builds and signs an answer.
    pub fn sign(
        challenge: &LivenessChallenge,
        answer: WorkAnswer,
        key: &Ed25519PrivateKey,
    ) -> Self {
        let bytes = Self::signing_bytes(&challenge.worker, &challenge.id, &answer);
        LivenessAnswer {
            challenge_id: challenge.id.clone(),
            worker: challenge.worker,
            public_key: hex::encode(key.public_key().to_bytes()),
            signature: hex::encode(key.sign(&bytes).to_bytes()),
            answer,
        }
    }
}

/// A liveness answer was accepted.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct LivenessAck {
    /// The epoch it counted towards.
    pub epoch: u64,
    /// Seconds this answer credited: the time since the worker's previous
    /// answered challenge, when that is within the allowed gap.
    pub credited_secs: u64,
    /// Online seconds credited to the worker in that epoch so far.
    pub online_secs: u64,
}

/// Parses a hex ed25519 public key.
pub fn parse_public_key(hex: &str) -> Option<Ed25519PublicKey> {
    Ed25519PublicKey::from_hex(hex.trim_start_matches("0x")).ok()
}

/// Parses a hex ed25519 signature.
pub fn parse_signature(hex: &str) -> Option<Ed25519Signature> {
    Ed25519Signature::from_hex(hex.trim_start_matches("0x")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::work::PartCommitment;

    fn part(root: u8) -> PartCommitment {
        PartCommitment {
            seed: hex::encode([1u8; 32]),
            items: 64,
            rounds: 16,
            root: hex::encode([root; 32]),
        }
    }

    fn report() -> BenchmarkReport {
        BenchmarkReport {
            worker: AccountAddress::from_hex("0xa11ce").unwrap(),
            device_id: vec![9; 32],
            gpu_model: "NVIDIA GeForce RTX 3070".into(),
            vram_mb: 8192,
            bench_version: 1,
            nonce: 7,
            measured_at: 1_700_000_000,
            chain_id: 4,
        }
    }

    #[test]
    fn the_commitment_signature_covers_challenge_report_package_and_roots() {
        let key = Ed25519PrivateKey::from_bytes(&[3; 32]).unwrap();
        let answer = WorkAnswer {
            fingerprint: crate::bench::fingerprint::tests::sample(),
            hash: part(1),
            walk: part(2),
        };
        let id = "ab".repeat(16);
        let sub = Submission::sign(id.clone(), report(), answer.clone(), &Package::DEV, &key);
        let bytes = Submission::commitment_bytes(&id, &sub.report, &Package::DEV, &answer);
        assert!(bytes.starts_with(ATTEST_COMMIT_DOMAIN));
        let signature = parse_signature(&sub.commitment_signature).unwrap();
        let public = parse_public_key(&sub.public_key).unwrap();
        lumen_sdk::messages::verify_strict("commitment", &bytes, &public, &signature).unwrap();
        // The report's own signature is the on-chain one, unchanged.
        let report_signature = parse_signature(&sub.signature).unwrap();
        sub.report
            .verify(&Package::DEV, &public, &report_signature)
            .unwrap();

        // Each part changes the signed bytes.
        let mut other_report = report();
        other_report.nonce += 1;
        let (mut hash, mut walk) = (answer.clone(), answer.clone());
        hash.hash = part(3);
        walk.walk = part(3);
        let other_package = Package::new(AccountAddress::from_hex("0xbeef").unwrap());
        for other in [
            Submission::commitment_bytes(&"cd".repeat(16), &sub.report, &Package::DEV, &answer),
            Submission::commitment_bytes(&id, &other_report, &Package::DEV, &answer),
            Submission::commitment_bytes(&id, &sub.report, &other_package, &answer),
            Submission::commitment_bytes(&id, &sub.report, &Package::DEV, &hash),
            Submission::commitment_bytes(&id, &sub.report, &Package::DEV, &walk),
        ] {
            assert_ne!(other, bytes);
        }
        // Nor is it a liveness answer's message for the same roots.
        assert_ne!(
            bytes,
            LivenessAnswer::signing_bytes(&sub.report.worker, &id, &answer)
        );
    }
}

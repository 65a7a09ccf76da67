//! `lumen-relayer attest` and `liveness`: the worker's side of the attester
//! service. `attest` prepares the device (pipelines, a memory buffer of the
//! size to prove), estimates its own score, asks for a challenge sized for
//! that claim, runs the challenge's work at once (the attester's clock is
//! running), signs the `BenchmarkReport` with the device key the worker's
//! account registered on chain, and sends it with the work's commitments;
//! before the last timed round the service answers with the next round's
//! seeds (at that round's start), after it with the outputs it picked to
//! check in every round, which the worker opens from the outputs it kept
//! ([`answer_rounds`]). The account key is never needed on the render node.

use std::path::Path;
use std::time::Duration;

use aptos_sdk::crypto::Ed25519PrivateKey;
use lumen_sdk::messages::BenchmarkReport;
use lumen_sdk::{AccountAddress, Package};

use crate::bench::answer::WorkDevice;
use crate::bench::{self, BENCH_VERSION};
use crate::protocol::{
    Accepted, Challenge, ChallengeRequest, ChallengeRound, Committed, LivenessAck, LivenessAnswer,
    LivenessPoll, LivenessTask, Opening, Picked, Rejected, Submission,
};
use crate::work::{Worked, Workload};

pub mod round;

/// Why attesting failed.
#[derive(Debug, thiserror::Error)]
pub enum AttestError {
    /// The key is missing or malformed.
    #[error("key: {0}")]
    Key(String),
    /// The service could not be reached or answered nonsense.
    #[error("attester service {url}: {detail}")]
    Http {
        /// The URL.
        url: String,
        /// What happened.
        detail: String,
    },
    /// The service refused the report.
    #[error("the attester service rejected the report ({reason}): {message}")]
    Rejected {
        /// The machine-readable reason.
        reason: String,
        /// The explanation.
        message: String,
    },
    /// The benchmark failed.
    #[error(transparent)]
    Bench(#[from] bench::BenchError),
    /// One device of a round could not be prepared.
    #[error("device {index}: {detail}")]
    Device {
        /// Its Vulkan index.
        index: usize,
        /// What failed.
        detail: String,
    },
    /// The service picked outputs the work does not have.
    #[error("the attester service picked outputs to open that the work does not have: {0}")]
    Picks(#[from] crate::bench::hashchain::ProofError),
    /// The service attests for another package than the one asked for.
    #[error(
        "the attester service attests for package {service}, not for --package {asked}; \
         point --service at an attester of {asked} or drop --package"
    )]
    OtherPackage {
        /// The package the service signs for.
        service: AccountAddress,
        /// The package asked for.
        asked: AccountAddress,
    },
    /// The device is a CPU and CPU attestation was not asked for.
    #[error(
        "{0} is a CPU device, not a GPU: it has no GPU score to attest \
         (pass --allow-cpu to send its CPU score to a service that accepts it)"
    )]
    NotAGpu(String),
}

/// Reads an ed25519 private key: 32 bytes hex (with or without `0x`) or
/// AIP-80 (`ed25519-priv-0x…`), from `file` or else from `env_value`.
pub fn load_key(
    file: Option<&Path>,
    env_value: Option<&str>,
    env_name: &str,
) -> Result<Ed25519PrivateKey, AttestError> {
    let text = match (file, env_value) {
        (Some(p), _) => std::fs::read_to_string(p)
            .map_err(|e| AttestError::Key(format!("cannot read {}: {e}", p.display())))?,
        (None, Some(v)) => v.to_string(),
        (None, None) => {
            return Err(AttestError::Key(format!(
                "no key given: pass a key file or set {env_name}"
            )))
        }
    };
    let text = text.trim();
    let key = if text.starts_with("ed25519-priv-") {
        Ed25519PrivateKey::from_aip80(text)
    } else {
        Ed25519PrivateKey::from_hex(text.trim_start_matches("0x"))
    };
    key.map_err(|e| AttestError::Key(format!("not an ed25519 private key: {e}")))
}

/// The device key in `path`, created (32 random bytes, hex, file mode 0600)
/// when the file does not exist yet.
pub fn device_key(path: &Path) -> Result<Ed25519PrivateKey, AttestError> {
    if !path.exists() {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let secret: [u8; 32] = rand::random();
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .map_err(|e| AttestError::Key(format!("cannot create {}: {e}", path.display())))?;
        writeln!(file, "0x{}", hex::encode(secret))
            .and_then(|()| file.sync_all())
            .map_err(|e| AttestError::Key(format!("cannot write {}: {e}", path.display())))?;
    }
    load_key(Some(path), None, "LUMEN_DEVICE_KEY_FILE")
}

/// The account address of a key that was never rotated.
pub fn address_of(key: &Ed25519PrivateKey) -> AccountAddress {
    AccountAddress::new(key.public_key().to_authentication_key())
}

/// Attestation options.
#[derive(Debug, Clone)]
pub struct AttestOptions {
    /// The attester service's base URL.
    pub service_url: String,
    /// The package the report is signed for; `None` takes the one the
    /// service attests for (from its challenge).
    pub package: Option<Package>,
    /// The worker's account.
    pub worker: AccountAddress,
    /// Vulkan device index; `None` picks the best.
    pub device_index: Option<usize>,
    /// Memory to prove, MiB; `None`: the device's memory for a GPU (up to
    /// [`crate::work::MAX_PROVEN_MB`]), 64 MiB for a CPU device.
    pub vram_mb: Option<u64>,
    /// The score to claim, micro-units; `None`: 80 % of the device's own
    /// estimate, so that it meets the deadline with room to spare.
    pub claim: Option<u64>,
    /// Send a CPU device's score (services accept it only in test set-ups).
    pub allow_cpu: bool,
}

/// Memory a CPU device proves unless told otherwise, MiB.
pub const CPU_DEVICE_VRAM_MB: u64 = 64;

fn http_err(url: &str, e: impl std::fmt::Display) -> AttestError {
    AttestError::Http {
        url: url.to_string(),
        detail: e.to_string(),
    }
}

async fn post<B: serde::Serialize, T: serde::de::DeserializeOwned>(
    client: &reqwest::Client,
    url: &str,
    body: &B,
) -> Result<T, AttestError> {
    let resp = client
        .post(url)
        .json(body)
        .send()
        .await
        .map_err(|e| http_err(url, e))?;
    let status = resp.status();
    let text = resp.text().await.map_err(|e| http_err(url, e))?;
    if status.is_success() {
        return serde_json::from_str(&text).map_err(|e| http_err(url, format!("bad answer: {e}")));
    }
    match serde_json::from_str::<Rejected>(&text) {
        Ok(r) => Err(AttestError::Rejected {
            reason: r.reason,
            message: r.message,
        }),
        Err(_) => Err(http_err(url, format!("{status}: {text}"))),
    }
}

fn client() -> reqwest::Client {
    crate::http_client(Duration::from_secs(60))
}

/// Asks the service for a challenge sized for `claimed_score` (micro-units)
/// and `vram_mb` MiB of memory.
pub async fn request_challenge(
    service_url: &str,
    worker: AccountAddress,
    claimed_score: u64,
    vram_mb: u64,
) -> Result<Challenge, AttestError> {
    request_challenge_with_nonce(service_url, worker, claimed_score, vram_mb, None).await
}

/// [`request_challenge`] for a report of the given nonce (the same for every
/// attester of one report; see [`ChallengeRequest::nonce`]).
pub async fn request_challenge_with_nonce(
    service_url: &str,
    worker: AccountAddress,
    claimed_score: u64,
    vram_mb: u64,
    nonce: Option<u64>,
) -> Result<Challenge, AttestError> {
    let url = format!("{}/v1/challenges", service_url.trim_end_matches('/'));
    let body = ChallengeRequest {
        worker,
        claimed_score,
        vram_mb,
        nonce,
    };
    post(&client(), &url, &body).await
}

/// Asks for one challenge per device of this machine, issued at one instant
/// (the service asks for a round once another worker's device was attested
/// from the same network address; see [`ChallengeRound`]).
pub async fn request_round(
    service_url: &str,
    devices: Vec<ChallengeRequest>,
) -> Result<Vec<Challenge>, AttestError> {
    let url = format!("{}/v1/challenges/round", service_url.trim_end_matches('/'));
    post(&client(), &url, &ChallengeRound { devices }).await
}

/// A signed submission and the outputs it commits to, kept to open the
/// service's picks. It reads as its [`Submission`].
#[derive(Debug, Clone)]
pub struct SignedAnswer {
    /// What is sent first.
    pub submission: Submission,
    /// The outputs behind its commitments.
    pub worked: Worked,
}

impl std::ops::Deref for SignedAnswer {
    type Target = Submission;

    fn deref(&self) -> &Submission {
        &self.submission
    }
}

impl std::ops::DerefMut for SignedAnswer {
    fn deref_mut(&mut self) -> &mut Submission {
        &mut self.submission
    }
}

/// Builds the report for the answer to `challenge` and signs it and the
/// commitment to `worked` with the worker's device key.
pub fn signed_submission(
    challenge: &Challenge,
    worked: Worked,
    package: &Package,
    device_key: &Ed25519PrivateKey,
    measured_at: u64,
) -> SignedAnswer {
    let answer = worked.answer.clone();
    let report = BenchmarkReport {
        worker: challenge.worker,
        device_id: answer.fingerprint.device_id().to_vec(),
        gpu_model: answer.fingerprint.name.clone(),
        vram_mb: challenge.work.vram_mb,
        bench_version: BENCH_VERSION,
        nonce: challenge.nonce,
        measured_at,
        chain_id: challenge.chain_id,
    };
    let submission = Submission::sign(challenge.id.clone(), report, answer, package, device_key);
    SignedAnswer { submission, worked }
}

/// Seconds since the Unix epoch on this machine.
fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Runs `work` on a device in a blocking task and gives the device back.
async fn run_blocking<T: Send + 'static>(
    url: &str,
    device: WorkDevice,
    f: impl FnOnce(&WorkDevice) -> Result<T, bench::BenchError> + Send + 'static,
) -> Result<(WorkDevice, T), AttestError> {
    let (device, out) = tokio::task::spawn_blocking(move || {
        let out = f(&device);
        (device, out)
    })
    .await
    .map_err(|e| http_err(url, format!("device task: {e}")))?;
    Ok((device, out?))
}

/// Sends the submission of a single-round challenge (or of the last round):
/// the service's clock stops at its arrival; it answers with the outputs to
/// open. A challenge with rounds left is an error naming the next round.
pub async fn commit(service_url: &str, submission: &Submission) -> Result<Picked, AttestError> {
    match commit_round(service_url, submission).await? {
        Committed::Picked(picked) => Ok(picked),
        Committed::Next(next) => Err(http_err(
            service_url,
            format!(
                "the challenge has more rounds (round {} is next): answer it with commit_round",
                next.round
            ),
        )),
    }
}

/// Sends the commitment of a round (`submission.round`): before the last
/// round the service answers with the next round's seeds at that round's
/// start, after the last with the outputs to open.
pub async fn commit_round(
    service_url: &str,
    submission: &Submission,
) -> Result<Committed, AttestError> {
    let url = format!("{}/v1/reports", service_url.trim_end_matches('/'));
    post(&client(), &url, submission).await
}

/// One timed round as the worker ran it.
#[derive(Debug, Clone)]
pub struct RoundRun {
    /// The round's work (the challenge's, with the round's memory seed).
    pub work: Workload,
    /// The round's hash-chain seed.
    pub seed: [u8; 32],
    /// Its outputs.
    pub worked: Worked,
    /// Seconds the device took for the work (the worker's clock, from the
    /// seeds in hand to the outputs and their commitment).
    pub device_secs: f64,
}

/// A challenge answered round by round and accepted.
#[derive(Debug, Clone)]
pub struct Answered {
    /// The last round's submission (the report the attester vouches for).
    pub submission: Submission,
    /// The attester's acceptance: the score it measured.
    pub accepted: Accepted,
    /// Every round, in order.
    pub rounds: Vec<RoundRun>,
}

fn seed_bytes(url: &str, seed: &str) -> Result<[u8; 32], AttestError> {
    hex::decode(seed)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| http_err(url, "challenge seed is not 32 bytes of hex"))
}

/// Answers every timed round of `challenge` on `device` as the service
/// hands them out (each round's report signed with `device_key` for
/// `package`), then opens the outputs the service picked in every round.
pub async fn answer_rounds(
    service_url: &str,
    device: WorkDevice,
    challenge: &Challenge,
    package: &Package,
    device_key: &Ed25519PrivateKey,
) -> Result<(WorkDevice, Answered), AttestError> {
    let mut device = device;
    let mut rounds: Vec<RoundRun> = Vec::new();
    let (mut seed, mut mem_seed) = (challenge.seed.clone(), challenge.work.mem_seed.clone());
    loop {
        let round = rounds.len() as u32;
        let seed_bytes = seed_bytes(service_url, &seed)?;
        let mut work = challenge.work.clone();
        work.mem_seed = mem_seed.clone();
        let w = work.clone();
        let started = std::time::Instant::now();
        let (d, worked) =
            run_blocking(service_url, device, move |d| d.answer(&w, &seed_bytes)).await?;
        let device_secs = started.elapsed().as_secs_f64();
        device = d;
        let mut sub = signed_submission(challenge, worked, package, device_key, now_secs());
        sub.submission.round = round;
        let committed = commit_round(service_url, &sub.submission).await?;
        rounds.push(RoundRun {
            work,
            seed: seed_bytes,
            worked: sub.worked,
            device_secs,
        });
        match committed {
            Committed::Next(next) => {
                if next.round != round + 1 {
                    return Err(http_err(
                        service_url,
                        format!("round {} follows round {round}", next.round),
                    ));
                }
                (seed, mem_seed) = (next.seed, next.mem_seed);
            }
            Committed::Picked(picked) => {
                let (last, earlier) = rounds.split_last().expect("one round at least");
                let opening = Opening {
                    challenge_id: picked.challenge_id,
                    worker: challenge.worker,
                    openings: last.worked.open(&picked.picks)?,
                    earlier: earlier
                        .iter()
                        .zip(&picked.earlier)
                        .map(|(r, p)| r.worked.open(p))
                        .collect::<Result<_, _>>()?,
                };
                let accepted = send_opening(service_url, &opening).await?;
                let answered = Answered {
                    submission: sub.submission,
                    accepted,
                    rounds,
                };
                return Ok((device, answered));
            }
        }
    }
}

/// Sends the openings of a submission's picked outputs.
pub async fn send_opening(service_url: &str, opening: &Opening) -> Result<Accepted, AttestError> {
    let url = format!("{}/v1/reports/openings", service_url.trim_end_matches('/'));
    post(&client(), &url, opening).await
}

/// Sends a submission, then the openings of the outputs the service picked.
pub async fn send_submission(
    service_url: &str,
    answer: &SignedAnswer,
) -> Result<Accepted, AttestError> {
    let picked = commit(service_url, &answer.submission).await?;
    let opening = Opening {
        challenge_id: picked.challenge_id,
        worker: answer.report.worker,
        openings: answer.worked.open(&picked.picks)?,
        earlier: Vec::new(),
    };
    send_opening(service_url, &opening).await
}

/// Opens device `index` (or the best one) with a buffer of `vram_mb` MiB
/// (default: the GPU's memory, [`CPU_DEVICE_VRAM_MB`] for a CPU device),
/// refuses a CPU device unless `allow_cpu`, and settles the score to claim
/// (default: 80 % of the device's own estimate). Blocking: everything that
/// does not depend on the challenge, done before asking for one.
fn ready_device(
    index: Option<usize>,
    vram_mb: Option<u64>,
    claim: Option<u64>,
    allow_cpu: bool,
) -> Result<(WorkDevice, u64), AttestError> {
    let vram_mb = match vram_mb {
        Some(v) => v,
        None => {
            let physical = bench::pick_device(index)?;
            let fingerprint = bench::fingerprint::Fingerprint::of(&physical);
            if fingerprint.is_gpu() {
                fingerprint.vram_mb()
            } else {
                CPU_DEVICE_VRAM_MB
            }
        }
    };
    let device = WorkDevice::prepare(index, vram_mb)?;
    if !device.fingerprint().is_gpu() && !allow_cpu {
        return Err(AttestError::NotAGpu(device.fingerprint().name.clone()));
    }
    let claim = match claim {
        Some(claim) => claim,
        None => (device.estimate()? * 4 / 5).max(crate::work::MIN_CLAIM_MICRO),
    };
    Ok((device, claim))
}

/// [`ready_device`] on a blocking thread.
async fn ready_device_async(
    url: &str,
    index: Option<usize>,
    vram_mb: Option<u64>,
    claim: Option<u64>,
    allow_cpu: bool,
) -> Result<(WorkDevice, u64), AttestError> {
    tokio::task::spawn_blocking(move || ready_device(index, vram_mb, claim, allow_cpu))
        .await
        .map_err(|e| http_err(url, format!("device task: {e}")))?
}

/// The package to sign for: the one the service attests for (from its
/// challenge); one asked for that differs is refused.
fn package_for(asked: Option<Package>, challenge: &Challenge) -> Result<Package, AttestError> {
    match asked {
        Some(asked) if asked.address != challenge.package => Err(AttestError::OtherPackage {
            service: challenge.package,
            asked: asked.address,
        }),
        Some(asked) => Ok(asked),
        None => Ok(Package::new(challenge.package)),
    }
}

/// Runs `challenge`'s work on `device` at once (the attester's clock is
/// running), round by round ([`answer_rounds`]), each round's report and
/// commitment signed with `key`, then the openings the service picks.
async fn answer_challenge(
    service_url: &str,
    device: WorkDevice,
    challenge: &Challenge,
    package: &Package,
    key: &Ed25519PrivateKey,
) -> Result<(Submission, Accepted), AttestError> {
    let (_device, answered) = answer_rounds(service_url, device, challenge, package, key).await?;
    Ok((answered.submission, answered.accepted))
}

/// Runs the whole flow for one device: challenge, work, sign, send. A
/// machine with several devices attests them together with
/// [`round::attest_round`].
pub async fn attest(
    opts: &AttestOptions,
    key: &Ed25519PrivateKey,
) -> Result<(Submission, Accepted), AttestError> {
    let url = &opts.service_url;
    let (device, claim) = ready_device_async(
        url,
        opts.device_index,
        opts.vram_mb,
        opts.claim,
        opts.allow_cpu,
    )
    .await?;
    let challenge = request_challenge(url, opts.worker, claim, device.vram_mb()).await?;
    let package = package_for(opts.package, &challenge)?;
    answer_challenge(url, device, &challenge, &package, key).await
}

/// Asks whether a liveness challenge is due.
pub async fn liveness_poll(
    service_url: &str,
    worker: AccountAddress,
) -> Result<LivenessTask, AttestError> {
    let url = format!("{}/v1/liveness", service_url.trim_end_matches('/'));
    post(&client(), &url, &LivenessPoll { worker }).await
}

/// Sends a signed liveness answer (the commitments of `worked`), then the
/// openings of the outputs the service picked.
pub async fn send_liveness(
    service_url: &str,
    answer: &LivenessAnswer,
    worked: &Worked,
) -> Result<LivenessAck, AttestError> {
    let base = service_url.trim_end_matches('/');
    let client = client();
    let url = format!("{base}/v1/liveness/answers");
    let picked: Picked = post(&client, &url, answer).await?;
    let opening = Opening {
        challenge_id: picked.challenge_id,
        worker: answer.worker,
        openings: worked.open(&picked.picks)?,
        earlier: Vec::new(),
    };
    post(&client, &format!("{base}/v1/liveness/openings"), &opening).await
}

/// Answers liveness challenges with the device as they come, polling at the
/// pace the service asks for; stops after `answers` answers (`None`: never).
/// Each accepted answer is passed to `on_ack`; a refused one is reported and
/// the loop goes on (the next challenge starts a new online stretch).
pub async fn stay_live(
    service_url: &str,
    worker: AccountAddress,
    key: &Ed25519PrivateKey,
    device_index: Option<usize>,
    answers: Option<u64>,
    mut on_ack: impl FnMut(Result<LivenessAck, AttestError>),
) -> Result<(), AttestError> {
    let url = service_url.to_string();
    let mut device = Some(
        tokio::task::spawn_blocking(move || WorkDevice::prepare(device_index, 1))
            .await
            .map_err(|e| http_err(&url, format!("device task: {e}")))??,
    );
    let mut done = 0;
    while answers.is_none_or(|n| done < n) {
        match liveness_poll(service_url, worker).await? {
            LivenessTask::Wait { wait_ms } => {
                tokio::time::sleep(Duration::from_millis(wait_ms.max(10))).await;
            }
            LivenessTask::Challenge(challenge) => {
                let seed: [u8; 32] = hex::decode(&challenge.seed)
                    .ok()
                    .and_then(|b| b.try_into().ok())
                    .ok_or_else(|| {
                        http_err(service_url, "challenge seed is not 32 bytes of hex")
                    })?;
                let work = challenge.work.clone();
                let (d, answer) = run_blocking(
                    service_url,
                    device.take().expect("the device is back"),
                    move |d| d.answer(&work, &seed),
                )
                .await?;
                device = Some(d);
                let signed = LivenessAnswer::sign(&challenge, answer.answer.clone(), key);
                on_ack(send_liveness(service_url, &signed, &answer).await);
                done += 1;
            }
        }
    }
    Ok(())
}

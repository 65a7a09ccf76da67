//! `lumen-relayer attest` for a machine with several devices: they are
//! attested together, in one round (`POST /v1/challenges/round`), which the
//! service asks for once a device was attested from the machine's address.
//! Each device attests for its own worker with its own device key. Every
//! device is prepared (and its claim settled) before the round is asked
//! for; then each runs its challenge's work on a thread of its own and
//! sends its commitment as soon as it is done, since the service's clock
//! runs from the round's issue for all of them.

use std::fmt::Display;

use aptos_sdk::crypto::Ed25519PrivateKey;
use lumen_sdk::{AccountAddress, Package};

use super::{
    answer_challenge, http_err, package_for, ready_device_async, request_round, AttestError,
};
use crate::protocol::{Accepted, ChallengeRequest, Submission};

/// One device of the machine and what it is attested for: the `i`-th
/// `--device`, `--worker` and device key of the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paired<W, K> {
    /// Vulkan device index; `None` picks the best (one device only).
    pub device_index: Option<usize>,
    /// The worker the device is attested for.
    pub worker: W,
    /// Its device key (or where to read it).
    pub key: K,
    /// Memory to prove, MiB (see [`super::AttestOptions::vram_mb`]).
    pub vram_mb: Option<u64>,
    /// Score to claim, micro-units (see [`super::AttestOptions::claim`]).
    pub claim: Option<u64>,
}

/// Why the devices, workers and keys given do not pair up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PairingError {
    /// A per-device value is not given once per device.
    #[error(
        "{devices} device(s) (--device) but {given} {what} ({flag}): give one {flag} per \
         --device, in the same order"
    )]
    Count {
        /// What is counted.
        what: &'static str,
        /// Its flag.
        flag: &'static str,
        /// Devices named.
        devices: usize,
        /// Values given.
        given: usize,
    },
    /// No device key.
    #[error(
        "no device key: pass --device-key-file (or set LUMEN_DEVICE_KEY_FILE or LUMEN_DEVICE_KEY)"
    )]
    NoKey,
    /// A value that applies to every device or to one each, given some
    /// other number of times.
    #[error(
        "{flag} is given {given} times for {devices} devices: give it once (for every device) \
         or once per --device, in the same order"
    )]
    OnceOrEach {
        /// Its flag.
        flag: &'static str,
        /// Devices named.
        devices: usize,
        /// Values given.
        given: usize,
    },
    /// One worker named for two devices.
    #[error("worker {0} is named for two devices: each device attests for a worker of its own")]
    SameWorker(String),
}

/// Pairs the `i`-th device with the `i`-th worker and key. With no device
/// or one, there is one worker and one key (the device picked by default
/// when none is named); with several, there is one worker and one key per
/// device, in the same order, each worker named once. `vram_mb` and
/// `claims` are each given once (for every device), once per device, or not
/// at all.
pub fn pair<W: Clone + PartialEq + Display, K: Clone>(
    devices: &[usize],
    workers: &[W],
    keys: &[K],
    vram_mb: &[u64],
    claims: &[u64],
) -> Result<Vec<Paired<W, K>>, PairingError> {
    let n = devices.len().max(1);
    if workers.len() != n {
        return Err(PairingError::Count {
            what: "worker(s)",
            flag: "--worker",
            devices: n,
            given: workers.len(),
        });
    }
    if keys.is_empty() {
        return Err(PairingError::NoKey);
    }
    if keys.len() != n {
        return Err(PairingError::Count {
            what: "device key(s)",
            flag: "--device-key-file",
            devices: n,
            given: keys.len(),
        });
    }
    let each = |values: &[u64], flag: &'static str| -> Result<Vec<Option<u64>>, PairingError> {
        match values.len() {
            0 => Ok(vec![None; n]),
            1 => Ok(vec![Some(values[0]); n]),
            given if given == n => Ok(values.iter().copied().map(Some).collect()),
            given => Err(PairingError::OnceOrEach {
                flag,
                devices: n,
                given,
            }),
        }
    };
    let vram_mb = each(vram_mb, "--vram-mb")?;
    let claims = each(claims, "--claim")?;
    for (i, w) in workers.iter().enumerate() {
        if workers[..i].contains(w) {
            return Err(PairingError::SameWorker(w.to_string()));
        }
    }
    Ok((0..n)
        .map(|i| Paired {
            device_index: devices.get(i).copied(),
            worker: workers[i].clone(),
            key: keys[i].clone(),
            vram_mb: vram_mb[i],
            claim: claims[i],
        })
        .collect())
}

/// A round's options.
#[derive(Debug, Clone)]
pub struct RoundOptions {
    /// The attester service's base URL.
    pub service_url: String,
    /// The package the reports are signed for; `None` takes the one the
    /// service attests for.
    pub package: Option<Package>,
    /// The devices, each with its worker and device key.
    pub devices: Vec<Paired<AccountAddress, Ed25519PrivateKey>>,
    /// Send CPU devices' scores (services accept them only in test set-ups).
    pub allow_cpu: bool,
}

/// What became of one device of the round.
#[derive(Debug)]
pub struct DeviceOutcome {
    /// The device index asked for.
    pub device_index: Option<usize>,
    /// The worker it was attested for.
    pub worker: AccountAddress,
    /// The submission and the service's acceptance, or why not.
    pub result: Result<(Submission, Accepted), AttestError>,
}

/// Attests the machine's devices in one round: prepares every device (one
/// thread each), asks for the round, runs each device's work on its own
/// thread, and sends each commitment and its openings. A device that
/// cannot be prepared, or a round the service refuses, fails the whole
/// round (nothing was answered); each answer's outcome is the device's.
pub async fn attest_round(opts: &RoundOptions) -> Result<Vec<DeviceOutcome>, AttestError> {
    let url = &opts.service_url;
    let preparing: Vec<_> = opts
        .devices
        .iter()
        .map(|d| {
            let url = url.clone();
            let (index, vram, claim, cpu) = (d.device_index, d.vram_mb, d.claim, opts.allow_cpu);
            tokio::spawn(async move { ready_device_async(&url, index, vram, claim, cpu).await })
        })
        .collect();
    let mut ready = Vec::with_capacity(preparing.len());
    for (task, d) in preparing.into_iter().zip(&opts.devices) {
        let prepared = task
            .await
            .map_err(|e| http_err(url, format!("device task: {e}")))?;
        ready.push(prepared.map_err(|e| in_device(d.device_index, e))?);
    }
    let requests = opts
        .devices
        .iter()
        .zip(&ready)
        .map(|(d, (device, claim))| ChallengeRequest {
            worker: d.worker,
            claimed_score: *claim,
            vram_mb: device.vram_mb(),
            nonce: None,
        })
        .collect();
    let challenges = request_round(url, requests).await?;
    if challenges.len() != opts.devices.len()
        || challenges
            .iter()
            .zip(&opts.devices)
            .any(|(c, d)| c.worker != d.worker)
    {
        return Err(http_err(
            url,
            "the round's challenges do not match the devices asked for",
        ));
    }
    let packages = challenges
        .iter()
        .map(|c| package_for(opts.package, c))
        .collect::<Result<Vec<_>, _>>()?;
    let mut answering = Vec::with_capacity(challenges.len());
    let work = ready.into_iter().zip(challenges).zip(packages);
    for (d, (((device, _), challenge), package)) in opts.devices.iter().zip(work) {
        let (url, key) = (url.clone(), d.key.clone());
        answering.push(tokio::spawn(async move {
            answer_challenge(&url, device, &challenge, &package, &key).await
        }));
    }
    let mut outcomes = Vec::with_capacity(answering.len());
    for (task, d) in answering.into_iter().zip(&opts.devices) {
        let result = task
            .await
            .unwrap_or_else(|e| Err(http_err(url, format!("device task: {e}"))));
        outcomes.push(DeviceOutcome {
            device_index: d.device_index,
            worker: d.worker,
            result,
        });
    }
    Ok(outcomes)
}

/// Names the device a preparation error is about.
fn in_device(index: Option<usize>, e: AttestError) -> AttestError {
    match (index, e) {
        (Some(i), AttestError::Bench(b)) => AttestError::Device {
            index: i,
            detail: b.to_string(),
        },
        (_, e) => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(r: Result<Vec<Paired<&str, &str>>, PairingError>) -> String {
        r.unwrap_err().to_string()
    }

    #[test]
    fn devices_workers_and_keys_pair_in_order() {
        // One device, named or not: one worker, one key.
        let one = pair(&[], &["0xa"], &["k"], &[], &[]).unwrap();
        assert_eq!(
            one,
            [Paired {
                device_index: None,
                worker: "0xa",
                key: "k",
                vram_mb: None,
                claim: None
            }]
        );
        let one = pair(&[2], &["0xa"], &["k"], &[64], &[]).unwrap();
        assert_eq!((one[0].device_index, one[0].vram_mb), (Some(2), Some(64)));

        // Several: the i-th of each together; a value given once applies
        // to every device, one per device to its own.
        let three = pair(
            &[0, 1, 2],
            &["0xa", "0xb", "0xc"],
            &["ka", "kb", "kc"],
            &[512],
            &[10, 20, 30],
        )
        .unwrap();
        let got: Vec<_> = three
            .iter()
            .map(|p| (p.device_index, p.worker, p.key, p.vram_mb, p.claim))
            .collect();
        assert_eq!(
            got,
            [
                (Some(0), "0xa", "ka", Some(512), Some(10)),
                (Some(1), "0xb", "kb", Some(512), Some(20)),
                (Some(2), "0xc", "kc", Some(512), Some(30)),
            ]
        );
        // The same device index twice is two entries (two workers sharing
        // one device are refused by the service, not here).
        assert_eq!(
            pair(&[0, 0], &["0xa", "0xb"], &["k", "l"], &[], &[])
                .unwrap()
                .len(),
            2
        );
    }

    #[test]
    fn mismatched_counts_are_refused_with_the_flag_to_fix() {
        let text = err(pair(
            &[0, 1, 2],
            &["0xa", "0xb"],
            &["k", "l", "m"],
            &[],
            &[],
        ));
        assert_eq!(
            text,
            "3 device(s) (--device) but 2 worker(s) (--worker): give one --worker per --device, \
             in the same order"
        );
        let text = err(pair(&[0, 1], &["0xa", "0xb"], &["k"], &[], &[]));
        assert!(text.contains("2 device(s) (--device) but 1 device key(s) (--device-key-file)"));
        // Two workers for the one device picked by default.
        let text = err(pair(&[], &["0xa", "0xb"], &["k", "l"], &[], &[]));
        assert!(
            text.contains("1 device(s) (--device) but 2 worker(s)"),
            "{text}"
        );
        assert_eq!(
            pair::<&str, &str>(&[0], &["0xa"], &[], &[], &[]).unwrap_err(),
            PairingError::NoKey
        );
        let text = err(pair(
            &[0, 1, 2],
            &["0xa", "0xb", "0xc"],
            &["k", "l", "m"],
            &[1, 2],
            &[],
        ));
        assert_eq!(
            text,
            "--vram-mb is given 2 times for 3 devices: give it once (for every device) or once \
             per --device, in the same order"
        );
        let text = err(pair(&[0, 1], &["0xa", "0xb"], &["k", "l"], &[], &[1, 2, 3]));
        assert!(text.starts_with("--claim is given 3 times"), "{text}");
        assert_eq!(
            pair(&[0, 1], &["0xa", "0xa"], &["k", "l"], &[], &[]).unwrap_err(),
            PairingError::SameWorker("0xa".into())
        );
    }
}

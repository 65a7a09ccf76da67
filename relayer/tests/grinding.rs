//! A worker that computes half of a challenge's outputs, makes up the rest
//! and re-randomises the made-up part of its commitment until the items it
//! expects to be sampled all fall in the half it computed ("grinding"): the
//! attester picks the samples only once it holds the commitment, so the
//! grinding buys nothing and the answer is refused.

mod common;

use common::*;
use lumen_relayer::attest;
use lumen_relayer::bench::fingerprint::Fingerprint;
use lumen_relayer::bench::hashchain::{self, leaf, node, CHUNK};
use lumen_relayer::protocol::Challenge;
use lumen_relayer::work::{self, Worked};
use lumen_sdk::Package;

/// Whether every sample a verifier derives from `seed` and `root` itself
/// (Fiat–Shamir) lands below `honest`.
fn samples_avoid(seed: &[u8; 32], root: &[u8; 32], count: u32, honest: u32) -> bool {
    hashchain::sample_indices(seed, root, count)
        .iter()
        .all(|&i| i < honest)
}

/// Re-randomises the last made-up output of `values` until the samples
/// derived from the commitment miss the made-up half; returns the tries.
/// Only the last leaf's path is rehashed per try: a few hashes each.
fn grind(seed: &[u8; 32], values: &mut [u32]) -> u64 {
    let count = values.len() as u32;
    let mut levels = vec![values.chunks(CHUNK).map(leaf).collect::<Vec<_>>()];
    while levels.last().unwrap().len() > 1 {
        let prev = levels.last().unwrap();
        levels.push(prev.chunks(2).map(|p| node(&p[0], &p[1])).collect());
    }
    let last = levels[0].len() - 1;
    let siblings: Vec<[u8; 32]> = levels[..levels.len() - 1]
        .iter()
        .enumerate()
        .map(|(depth, level)| level[(last >> depth) ^ 1])
        .collect();
    let mut tries = 0u64;
    loop {
        tries += 1;
        let n = values.len();
        values[n - 1] = rand::random();
        let mut h = leaf(&values[last * CHUNK..]);
        for sib in &siblings {
            // The last leaf is always a right child.
            h = node(sib, &h);
        }
        if samples_avoid(seed, &h, count, count / 2) {
            assert_eq!(hashchain::Tree::build(values).unwrap().root(), h);
            return tries;
        }
    }
}

/// The first half of both parts' outputs computed, the second half made up
/// and ground: the answer a cheater doing half the work sends.
fn half_work(c: &Challenge) -> (Worked, u64) {
    let seed: [u8; 32] = hex::decode(&c.seed).unwrap().try_into().unwrap();
    let mem_seed = c.work.mem_seed_bytes().unwrap();
    let (items, walkers) = (c.work.hash_items, c.work.walkers);
    let mut hash: Vec<u32> = hashchain::items_at(
        &seed,
        c.work.hash_rounds,
        &(0..items / 2).collect::<Vec<_>>(),
    );
    hash.extend((items / 2..items).map(|_| rand::random::<u32>()));
    let mut walk = work::walkers_at(&c.work, &mem_seed, &(0..walkers / 2).collect::<Vec<_>>());
    walk.extend((walkers / 2..walkers).map(|_| rand::random::<u32>()));
    let tries = grind(&seed, &mut hash) + grind(&mem_seed, &mut walk);
    let fingerprint = Fingerprint::of(&lumen_relayer::bench::pick_device(None).unwrap());
    let worked = Worked::new(fingerprint, &c.work, &seed, hash, walk).unwrap();
    (worked, tries)
}

#[tokio::test]
async fn half_the_work_with_a_ground_commitment_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(600)).await;
    let c = challenge(&url, addr(40)).await;
    let (worked, tries) = half_work(&c);
    // The grinding found commitments whose self-derived samples all miss
    // the made-up half (about 2¹⁶ tries per part)...
    assert!(tries > 1_000, "{tries} tries");
    let sub = attest::signed_submission(&c, worked, &Package::DEV, &key(40), now());
    // ...but the attester draws its samples after the commitment arrived:
    // with half the outputs made up, 32 samples all missing them is a
    // chance of 2⁻³².
    assert_eq!(rejection(&url, &sub).await, "wrong_checksum");
    // The refusal used the challenge up: no second draw of samples.
    assert_eq!(rejection(&url, &sub).await, "challenge_used");
}

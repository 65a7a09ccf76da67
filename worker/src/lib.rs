//! `lumen-worker`: the node operator's agent. It long-polls the job board for
//! offers addressed to it, takes those that fit its price and capacity,
//! accepts them on chain, renders every frame with Blender in background
//! mode inside a sandbox, hashes and uploads every frame, and commits the
//! Merkle root of the frame hashes with `escrow::submit_result`.
//!
//! | module | what |
//! |---|---|
//! | [`agent`] | the loop: resume, watch, poll, accept, render, upload, submit, rerender |
//! | [`blender`] | Blender under bubblewrap, the driver script, progress events, crash detection |
//! | [`fit`] | whether an offer fits: price, size, deadline at the measured speed |
//! | [`state`] | the durable per-job state that makes a restart resume |
#![warn(missing_docs)]

pub mod agent;
pub mod blender;
pub mod fit;
pub mod state;

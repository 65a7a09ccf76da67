//! `lumen-cli`: the `lumen` command line (`src/main.rs`) and the creator's
//! side of render jobs as a library.
//!
//! | module | what |
//! |---|---|
//! | [`creator`] | submit a scene as a job (board, chain, candidates, signed offer ladder), fetch and prove frames, rerender |
//! | [`fetch`] | download a job's frames and prove them against the on-chain `output_root` |
//! | [`contact`] | the contact sheet of a job's frames |
#![warn(missing_docs)]

pub mod contact;
pub mod creator;
pub mod fetch;

//! Fetching a job's frames and proving them: every frame the worker
//! committed (`frames_done` from the spec's first frame) is downloaded, its
//! bytes hashed, and the Merkle root of the hashes compared with the job's
//! on-chain `output_root`. Nothing is written unless all of it holds.

use lumen_board::client::{BoardClient, ClientError};
use lumen_board::proto::JobView;
use lumen_sdk::render::{content_hash, output_root, Hash32};
use lumen_sdk::views::JobInfo;
use lumen_sdk::JobStatus;

/// Why frames could not be proven.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The worker has not submitted (or the job never had a result).
    #[error("job {job_id} has no submitted result (status {status}); nothing to fetch yet")]
    NoResult {
        /// The job id.
        job_id: u64,
        /// Its status name.
        status: String,
    },
    /// Frames the worker committed are not on the board.
    #[error("frames {frames:?} are committed on chain but missing from the board")]
    Missing {
        /// The frames.
        frames: Vec<u64>,
    },
    /// A frame could not be downloaded or its bytes are not what the board lists.
    #[error("frame {frame}: {source}")]
    Frame {
        /// The frame.
        frame: u64,
        /// What went wrong.
        source: ClientError,
    },
    /// The frames hash to another root than the one on chain.
    #[error("the frames on the board do not match the job's on-chain output_root: they hash to {computed}, the worker committed {committed}")]
    RootMismatch {
        /// The root of the downloaded frames.
        computed: Hash32,
        /// The on-chain root (hex).
        committed: String,
    },
}

/// Frames proven against the chain.
#[derive(Debug)]
pub struct Fetched {
    /// `(frame, PNG bytes)` in frame order.
    pub frames: Vec<(u64, Vec<u8>)>,
    /// Their root, equal to the on-chain `output_root`.
    pub root: Hash32,
}

/// Downloads and proves the frames of `view` against `info` (read from the chain).
pub async fn fetch_verified(
    board: &BoardClient,
    view: &JobView,
    info: &JobInfo,
) -> Result<Fetched, FetchError> {
    let submitted = info.frames_done > 0 && !info.output_root.is_empty();
    if !submitted {
        return Err(FetchError::NoResult {
            job_id: info.job_id,
            status: JobStatus::from_code(info.status)
                .map_or("unknown", JobStatus::as_str)
                .to_string(),
        });
    }
    let wanted: Vec<u64> = view
        .spec
        .frame_numbers()
        .take(info.frames_done as usize)
        .collect();
    let listed: std::collections::HashMap<u64, Hash32> =
        view.frames.iter().map(|f| (f.frame, f.hash)).collect();
    let missing: Vec<u64> = wanted
        .iter()
        .copied()
        .filter(|f| !listed.contains_key(f))
        .collect();
    if !missing.is_empty() {
        return Err(FetchError::Missing { frames: missing });
    }
    let mut frames = Vec::with_capacity(wanted.len());
    let mut hashes = Vec::with_capacity(wanted.len());
    for f in wanted {
        let bytes = board
            .blob(&listed[&f])
            .await
            .map_err(|source| FetchError::Frame { frame: f, source })?;
        hashes.push((f, content_hash(&bytes)));
        frames.push((f, bytes));
    }
    let root = output_root(&hashes).expect("at least one frame");
    if root.0.as_slice() != info.output_root.as_slice() {
        return Err(FetchError::RootMismatch {
            computed: root,
            committed: format!("0x{}", hex::encode(&info.output_root)),
        });
    }
    Ok(Fetched { frames, root })
}

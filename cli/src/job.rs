//! `lumen job …`: the creator's render-job commands over
//! [`lumen_cli::creator::Creator`].

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Subcommand;
use lumen_board::client::{BoardClient, Identity};
use lumen_cli::creator::{Creator, JobRequest, OfferPlan};
use lumen_sdk::{AccountAddress, JobStatus};
use serde_json::{json, Value};

use crate::{Cli, JobArg, WorkerNeeds};

/// The creator's render-job commands.
#[derive(Subcommand, Debug)]
pub enum JobCommand {
    /// Upload a scene, create and fund the job on chain, post it to the board,
    /// pick candidates and send them a ladder of signed offers.
    Submit {
        /// The .blend file.
        scene: PathBuf,
        /// Frames to render: `A-B` or `N`.
        #[arg(long)]
        frames: String,
        /// Width×height in pixels.
        #[arg(long, default_value = "1920x1080")]
        resolution: String,
        /// Cycles samples per pixel.
        #[arg(long, default_value_t = 64)]
        samples: u32,
        /// Highest price per frame (base units); the deposit is frames × this.
        #[arg(long)]
        max_price_per_frame: u64,
        #[command(flatten)]
        needs: WorkerNeeds,
        #[command(flatten)]
        offers: OfferArgs,
    },
    /// Send a new ladder of offers for an open job (after the last one ran out).
    Offer {
        #[command(flatten)]
        job: JobArg,
        #[command(flatten)]
        offers: OfferArgs,
    },
    /// The job on chain and on the board: status, offers, frames.
    Status {
        #[command(flatten)]
        job: JobArg,
    },
    /// Download the frames, verify each against the on-chain output_root, and
    /// write them with a contact sheet.
    Fetch {
        #[command(flatten)]
        job: JobArg,
        /// The directory to write (created; must be empty).
        #[arg(long)]
        out: PathBuf,
    },
    /// Ask for frames to be rendered again (then the worker resubmits).
    Rerender {
        #[command(flatten)]
        job: JobArg,
        /// The frames: `3`, `2,5`, `4-7`.
        #[arg(long)]
        frames: String,
        /// Seconds from now to the new render deadline (default and least:
        /// the job's `terms.min_rerender_secs`).
        #[arg(long)]
        render_secs: Option<u64>,
    },
}

/// How offers are made.
#[derive(clap::Args, Debug)]
pub struct OfferArgs {
    /// Price per frame offered (default: the job's maximum).
    #[arg(long)]
    price_per_frame: Option<u64>,
    /// How many ranked candidates get an offer, one after the other.
    #[arg(long, default_value_t = 3)]
    candidates: u64,
    /// Seconds each candidate has to accept before the next one gets the job.
    #[arg(long, default_value_t = 600)]
    offer_window: u64,
    /// Seconds from an offer's expiry to its render deadline.
    #[arg(long, default_value_t = 3600)]
    render_secs: u64,
    /// Offer to this worker instead of the board's ranked candidates
    /// (repeatable; the order is the ladder's).
    #[arg(long = "worker")]
    workers: Vec<AccountAddress>,
}

impl OfferArgs {
    fn plan(&self) -> OfferPlan {
        OfferPlan {
            price_per_frame: self.price_per_frame,
            candidates: self.candidates,
            offer_window: self.offer_window,
            render_secs: self.render_secs,
            workers: self.workers.clone(),
        }
    }
}

/// `A-B` or `N`.
fn parse_range(s: &str) -> Result<(u64, u64)> {
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    let parse = |t: &str| {
        t.trim()
            .parse::<u64>()
            .with_context(|| format!("frames {s:?}: expected N or A-B"))
    };
    let (a, b) = (parse(a)?, parse(b)?);
    if b < a {
        bail!("frames {s:?}: the last frame is before the first");
    }
    Ok((a, b))
}

/// `2,5-7` into `[2, 5, 6, 7]`.
fn parse_list(s: &str) -> Result<Vec<u64>> {
    let mut out = vec![];
    for part in s.split(',').filter(|p| !p.trim().is_empty()) {
        let (a, b) = parse_range(part)?;
        if b - a > 100_000 {
            bail!("frames {part:?}: too many");
        }
        out.extend(a..=b);
    }
    if out.is_empty() {
        bail!("no frames named in {s:?}");
    }
    Ok(out)
}

fn parse_resolution(s: &str) -> Result<(u32, u32)> {
    let (x, y) = s
        .split_once(['x', 'X'])
        .with_context(|| format!("resolution {s:?}: expected WIDTHxHEIGHT"))?;
    Ok((
        x.trim()
            .parse()
            .with_context(|| format!("resolution {s:?}"))?,
        y.trim()
            .parse()
            .with_context(|| format!("resolution {s:?}"))?,
    ))
}

/// Runs a `lumen job` command against the board at `board`.
pub async fn run(cli: &Cli, board: &str, cmd: &JobCommand) -> Result<Value> {
    let mut id = Identity::new(cli.private_key()?);
    id.account = aptos_sdk::account::Account::address(&cli.account()?);
    let creator = Creator {
        chain: cli.client()?,
        board: BoardClient::new(board),
        id,
    };
    match cmd {
        JobCommand::Submit {
            scene,
            frames,
            resolution,
            samples,
            max_price_per_frame,
            needs,
            offers,
        } => {
            let req = JobRequest {
                frames: parse_range(frames)?,
                resolution: parse_resolution(resolution)?,
                samples: *samples,
                max_price_per_frame: *max_price_per_frame,
                min_score: needs.min_score,
                min_vram_mb: needs.min_vram_mb,
            };
            creator.submit(scene, &req, &offers.plan()).await
        }
        JobCommand::Offer { job, offers } => {
            let job = cli.job(job)?;
            let info = creator.info(job).await?;
            Ok(json!({"job": job, "offers": creator.offer(job, &info, &offers.plan()).await?}))
        }
        JobCommand::Status { job } => {
            let (info, view) = creator.status(cli.job(job)?).await?;
            Ok(json!({
                "job": cli.job(job)?,
                "job_id": info.job_id,
                "status": JobStatus::from_code(info.status).map_or("unknown", JobStatus::as_str),
                "worker": info.worker,
                "frames": info.frames,
                "frames_done": info.frames_done,
                "output_root": format!("0x{}", hex::encode(&info.output_root)),
                "price_per_frame": info.price_per_frame,
                "render_deadline": info.render_deadline,
                "review_deadline": info.review_deadline,
                "rerenders": info.rerenders,
                "frames_accepted": info.frames_accepted,
                "response_deadline": info.response_deadline,
                "disputed_by": info.disputed_by,
                "paid_to_worker": info.paid_to_worker,
                "fee_paid": info.fee_paid,
                "refunded": info.refunded,
                "terms": {
                    "collateral": info.terms.collateral,
                    "worker_commission_bps": info.terms.worker_commission_bps,
                    "review_window_secs": info.terms.review_window_secs,
                    "max_rerenders": info.terms.max_rerenders,
                    "min_rerender_secs": info.terms.min_rerender_secs,
                    "response_window_secs": info.terms.response_window_secs,
                    "dispute_timeout_secs": info.terms.dispute_timeout_secs,
                },
                "board": view.map(|v| json!({
                    "offers": v.offers.iter().map(|o| json!({
                        "position": o.position,
                        "worker": o.offer.worker,
                        "state": o.state,
                        "reason": o.reason,
                        "offer_expires_at": o.offer.offer_expires_at,
                    })).collect::<Vec<_>>(),
                    "frames_uploaded": v.frames.len(),
                })),
            }))
        }
        JobCommand::Fetch { job, out } => {
            let mut v = creator.fetch(cli.job(job)?, out).await?;
            let id = &v["job_id"];
            v["next"] = json!(format!(
                "lumen confirm --job {id} --frames-accepted {}   (or: lumen job rerender --job {id} --frames …)",
                v["frames"]
            ));
            Ok(v)
        }
        JobCommand::Rerender {
            job,
            frames,
            render_secs,
        } => {
            creator
                .rerender(cli.job(job)?, &parse_list(frames)?, *render_secs)
                .await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_lists() {
        assert_eq!(parse_range("1-24").unwrap(), (1, 24));
        assert_eq!(parse_range("7").unwrap(), (7, 7));
        assert!(parse_range("5-2").is_err());
        assert_eq!(parse_list("2,5-7").unwrap(), vec![2, 5, 6, 7]);
        assert!(parse_list(",").is_err());
        assert_eq!(parse_resolution("64x48").unwrap(), (64, 48));
        assert!(parse_resolution("64").is_err());
    }
}

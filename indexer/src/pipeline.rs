//! The ingest loop: fetch → decode → store → checkpoint.
//!
//! Nothing is touched before the writer lock is held ([`crate::writer`]):
//! migrations, the checkpoint, the removal of a torn batch's raw events and
//! every write happen on the locked session or after it was taken. A
//! batch's raw events and its projections are written on two database
//! connections at once (`store::apply_batch_split`); the checkpoint moves
//! with the projections, on the locked session, after the raw events
//! committed.
//!
//! Fetching and decoding run on the async side while the previous batch is
//! written on a blocking thread, joined by a bounded channel (so memory stays
//! bounded when the database is the bottleneck). Pages are grouped into
//! batches of about `batch_events` events; a batch is flushed early once the
//! source has caught up with the chain head, so a following indexer commits
//! new events promptly.

use std::time::{Duration, Instant};

use diesel::Connection;
use lumen_sdk::Package;
use tokio::sync::mpsc;

use crate::checkpoint::{self, Checkpoint};
use crate::decode::{decode_page, Batch, DecodeFailure};
use crate::metrics::METRICS;
use crate::source::{
    FileSource, GrpcConfig, GrpcSource, RestConfig, RestSource, Source, SourceError,
};
use crate::store::{apply_batch_split, remove_orphans, Applied, PgPool, StoreError};
use crate::writer::Writer;

/// Why ingestion stopped.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The source failed.
    #[error(transparent)]
    Source(#[from] SourceError),
    /// A package event did not decode.
    #[error(transparent)]
    Decode(#[from] DecodeFailure),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The writer thread died.
    #[error("writer task failed: {0}")]
    Writer(String),
}

/// Where transactions come from.
#[derive(Debug, Clone)]
pub enum Input {
    /// A fullnode.
    Node(RestConfig),
    /// A Transaction Stream service.
    Grpc {
        /// The stream.
        stream: GrpcConfig,
        /// Stop at the head of this REST node (a backfill); `None`: follow.
        head_of: Option<String>,
    },
    /// A JSON-lines file of REST transactions.
    File(std::path::PathBuf),
}

/// Ingest settings.
#[derive(Debug, Clone)]
pub struct PipelineConfig {
    /// The package whose events are kept.
    pub package: Package,
    /// The source.
    pub input: Input,
    /// Version to start from on an empty database (one whose first run
    /// applied nothing may be moved; see `checkpoint::begin`).
    pub start_version: Option<u64>,
    /// Events per database transaction (approximately: whole pages).
    pub batch_events: usize,
    /// Transactions per page read from a file.
    pub file_page_size: usize,
    /// Interval of the progress log line.
    pub progress_every: Duration,
}

/// What a finished run did (only returned when the source ends).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Transactions applied.
    pub transactions: u64,
    /// Events written.
    pub events: u64,
    /// Batches committed.
    pub batches: u64,
    /// Next version to read.
    pub next_version: u64,
}

/// Runs `f` with the writer on a blocking thread.
async fn with_writer<T: Send + 'static>(
    mut writer: Writer,
    f: impl FnOnce(&mut Writer) -> Result<T, StoreError> + Send + 'static,
) -> Result<(Writer, T), PipelineError> {
    tokio::task::spawn_blocking(move || f(&mut writer).map(|t| (writer, t)))
        .await
        .map_err(|e| PipelineError::Writer(e.to_string()))?
        .map_err(PipelineError::from)
}

/// Takes the writer lock (waiting while another process writes), then
/// runs migrations, finds the checkpoint and removes what a torn batch
/// left past it.
async fn prepare(
    pool: &PgPool,
    package: Package,
    start_version: Option<u64>,
) -> Result<(Writer, Checkpoint), PipelineError> {
    let pool = pool.clone();
    let writer = tokio::task::spawn_blocking(move || {
        Writer::acquire(&pool, |holder| match holder {
            Some(h) => tracing::warn!(holder = %h, "another indexer writes to this database; waiting for it to stop"),
            None => tracing::warn!("another indexer holds the writer lock; waiting for it to stop"),
        })
    })
    .await
    .map_err(|e| PipelineError::Writer(e.to_string()))??;
    with_writer(writer, move |w| {
        crate::store::migrate(w.conn())?;
        let cp = checkpoint::begin(w.conn(), &package, start_version)?;
        // A database migrated from before the ranking was kept gets it now.
        w.conn()
            .transaction(|c| crate::eligible::refresh(c, &Default::default()))?;
        let orphans = remove_orphans(w)?;
        if orphans > 0 {
            tracing::info!(
                orphans,
                next_version = cp.next_version,
                "removed raw events past the checkpoint (an interrupted batch); they are read again"
            );
        }
        Ok(cp)
    })
    .await
}

/// Records the chain id of the source, the first time.
async fn record_chain(
    writer: Writer,
    cp: &Checkpoint,
    chain_id: u8,
) -> Result<Writer, PipelineError> {
    if cp.chain_id.is_some() {
        return Ok(writer);
    }
    let (writer, ()) = with_writer(writer, move |w| {
        checkpoint::set_chain_id(w.conn(), chain_id)
    })
    .await?;
    Ok(writer)
}

/// Ingests until the source ends (a file, or a node with `stop_at_head`) or
/// fails. Resumes from the database's checkpoint.
pub async fn run(pool: PgPool, cfg: PipelineConfig) -> Result<Summary, PipelineError> {
    let (mut writer, cp) = prepare(&pool, cfg.package, cfg.start_version).await?;
    let start = cp.next_version;
    let anchor = cp.last_version().zip(cp.last_hash.clone());
    let mut source = match &cfg.input {
        Input::Node(rest) => {
            let (mut src, info) = RestSource::connect(rest.clone(), start, cp.chain_id).await?;
            writer = record_chain(writer, &cp, info.chain_id).await?;
            if let Some((version, hash)) = anchor {
                src.check_ledger(version, hash).await?;
            }
            tracing::info!(
                chain_id = info.chain_id,
                head = info.ledger_version,
                start,
                "connected to the node"
            );
            METRICS.set_chain_head(info.ledger_version);
            Source::Rest(Box::new(src))
        }
        Input::Grpc { stream, head_of } => {
            let mut stream = stream.clone();
            if let Some(node) = head_of {
                crate::source::install_crypto_provider();
                let info = crate::source::ledger_info(&reqwest::Client::new(), node, &stream.retry)
                    .await?;
                METRICS.set_chain_head(info.ledger_version);
                stream.stop_at = Some(info.ledger_version);
            }
            let url = stream.url.clone();
            let (src, chain_id) = GrpcSource::connect(stream, start, cp.chain_id, anchor).await?;
            writer = record_chain(writer, &cp, chain_id).await?;
            tracing::info!(chain_id, start, %url, "transaction stream open");
            Source::Grpc(Box::new(src))
        }
        Input::File(path) => {
            tracing::info!(path = %path.display(), start, "reading transactions from a file");
            Source::File(FileSource::open(path, start, cfg.file_page_size)?)
        }
    };
    METRICS.set_indexed_version(start.saturating_sub(1));

    let (tx, rx) = mpsc::channel::<Batch>(2);
    let writer_task = tokio::task::spawn_blocking({
        let pool = pool.clone();
        let every = cfg.progress_every;
        move || write_loop(writer, pool, rx, start, every)
    });

    let produce = async {
        let mut pending = Batch::default();
        loop {
            let page = source.next_page().await?;
            let Some(page) = page else { break };
            if let Some(h) = page.ledger_version.or(source.head()) {
                METRICS.set_chain_head(h);
            }
            let batch = decode_page(&cfg.package, page)?;
            pending.extend(batch);
            let caught_up = source.head().is_some_and(|h| pending.last_version >= h);
            if (pending.events.len() >= cfg.batch_events || caught_up)
                && tx.send(std::mem::take(&mut pending)).await.is_err()
            {
                // The writer stopped: its error is reported below.
                return Ok(());
            }
        }
        if pending.transactions > 0 {
            let _ = tx.send(pending).await;
        }
        Ok::<(), PipelineError>(())
    };
    let produced = produce.await;
    drop(tx);
    let written = writer_task
        .await
        .map_err(|e| PipelineError::Writer(e.to_string()))?;
    // A writer error explains a producer stop, so it is reported first.
    let summary = written?;
    produced?;
    Ok(summary)
}

fn write_loop(
    mut writer: Writer,
    pool: PgPool,
    mut rx: mpsc::Receiver<Batch>,
    start: u64,
    every: Duration,
) -> Result<Summary, PipelineError> {
    // Two connections: the raw log and the projections of a batch are
    // written at the same time (see `apply_batch_split`); the projections
    // and the checkpoint on the locked session.
    let mut raw = pool.get().map_err(StoreError::from)?;
    let mut summary = Summary {
        next_version: start,
        ..Default::default()
    };
    let mut last_log = Instant::now();
    let mut at_last_log = start;
    let mut events_at_last_log = 0u64;
    while let Some(batch) = rx.blocking_recv() {
        let t0 = Instant::now();
        let applied = apply_batch_split(writer.conn(), &mut raw, &batch)?;
        let micros = t0.elapsed().as_micros() as u64;
        if let Applied::Written { events } = applied {
            summary.events += events;
            summary.batches += 1;
            summary.transactions += batch.transactions;
            METRICS.record_batch(batch.transactions, events, micros);
        }
        summary.next_version = summary.next_version.max(batch.last_version + 1);
        METRICS.set_indexed_version(batch.last_version);
        if last_log.elapsed() >= every {
            let secs = last_log.elapsed().as_secs_f64();
            let head = METRICS.chain_head();
            tracing::info!(
                version = batch.last_version,
                head,
                lag = head.saturating_sub(batch.last_version),
                versions_per_sec = ((summary.next_version - at_last_log) as f64 / secs).round(),
                events_per_sec = ((summary.events - events_at_last_log) as f64 / secs).round(),
                "indexing progress"
            );
            last_log = Instant::now();
            at_last_log = summary.next_version;
            events_at_last_log = summary.events;
        }
    }
    Ok(summary)
}

#[cfg(test)]
mod tests;

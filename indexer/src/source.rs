//! Where transactions come from: a fullnode's REST API ([`RestSource`]) or a
//! JSON-lines file in the same shape ([`FileSource`]).
//!
//! The REST source keeps several pages in flight at once but hands them out
//! strictly in version order, so the pipeline never sees a gap or a
//! reordering. Transient trouble (429, 5xx, timeouts, bodies cut short) is
//! retried with exponential backoff and jitter; permanent trouble (a pruned
//! start version, another chain) is a typed error.

use std::collections::VecDeque;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rand::Rng;
use serde::Deserialize;
use tokio::task::JoinHandle;

/// One event as the node serves it inside a transaction.
#[derive(Debug, Clone, Deserialize)]
pub struct RawEvent {
    /// Full Move type, e.g. `0xcafe::escrow::JobCreated`.
    #[serde(rename = "type")]
    pub type_str: String,
    /// The event's fields in REST JSON (u64 as strings, addresses as hex),
    /// as the node's text: only the package's events are ever parsed.
    #[serde(default = "null_json")]
    pub data: Box<serde_json::value::RawValue>,
}

fn null_json() -> Box<serde_json::value::RawValue> {
    serde_json::value::RawValue::from_string("null".into()).expect("null is JSON")
}

/// The parts of a committed transaction the indexer needs; every other field
/// of the REST shape (payload, signature, changes …) is ignored when parsed.
#[derive(Debug, Clone, Deserialize)]
pub struct Transaction {
    /// Ledger version.
    #[serde(deserialize_with = "de_u64_str")]
    pub version: u64,
    /// Transaction kind (`user_transaction`, `block_metadata_transaction` …).
    #[serde(rename = "type", default)]
    pub kind: String,
    /// Commit time in microseconds; genesis has 0.
    #[serde(default, deserialize_with = "de_opt_u64_str")]
    pub timestamp: Option<u64>,
    /// Whether the transaction executed; failed ones emit no package events.
    #[serde(default = "yes")]
    pub success: bool,
    /// Emitted events in emission order.
    #[serde(default)]
    pub events: Vec<RawEvent>,
}

fn yes() -> bool {
    true
}

/// A u64 as a decimal string (the REST API's form) or a number, read in
/// place (an untagged enum would buffer every value first).
fn de_u64_str<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    struct U64;
    impl serde::de::Visitor<'_> for U64 {
        type Value = u64;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a u64 as a decimal string or a number")
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<u64, E> {
            Ok(v)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<u64, E> {
            v.parse()
                .map_err(|e| E::custom(format!("not a u64 ({e}): {v:?}")))
        }
    }
    d.deserialize_any(U64)
}

fn de_opt_u64_str<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    de_u64_str(d).map(Some)
}

/// A run of consecutive transactions, in version order.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The transactions, versions strictly consecutive.
    pub transactions: Vec<Transaction>,
    /// The chain head the node reported with this page, if any.
    pub ledger_version: Option<u64>,
}

/// Why the source could not deliver.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The node no longer holds the requested versions.
    #[error(
        "start version {start} is pruned on this node (oldest available: {}); \
         use a node with full history or start from a newer database",
        oldest.map(|v| v.to_string()).unwrap_or_else(|| "unknown".into())
    )]
    Pruned {
        /// The version that was asked for.
        start: u64,
        /// The oldest version the node still has, when it said.
        oldest: Option<u64>,
    },
    /// The node serves another chain than the one expected.
    #[error("chain id mismatch: the database was built from chain {expected}, the node serves chain {actual}")]
    ChainIdMismatch {
        /// Chain id recorded in the database.
        expected: u8,
        /// Chain id the node reports.
        actual: u8,
    },
    /// Retries ran out on transient errors.
    #[error("{url}: giving up after {attempts} attempts: {last}")]
    RetriesExhausted {
        /// The request.
        url: String,
        /// How many attempts were made.
        attempts: u32,
        /// The last error seen.
        last: String,
    },
    /// A non-retryable HTTP status or malformed answer.
    #[error("{url}: {detail}")]
    Http {
        /// The request.
        url: String,
        /// What was wrong.
        detail: String,
    },
    /// A line of the transactions file is not a transaction.
    #[error("{path}:{line}: {detail}")]
    File {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What was wrong.
        detail: String,
    },
    /// A background fetch task died.
    #[error("fetch task failed: {0}")]
    Task(String),
}

/// Retry policy for transient errors.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Attempts in total before giving up.
    pub max_attempts: u32,
    /// Delay before the first retry; doubled each time.
    pub base_delay: Duration,
    /// Upper bound of one delay.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 10,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// Delay before retry number `attempt` (1-based): exponential with
    /// "full jitter" in its upper half, so that many indexers hitting one
    /// node do not retry in lockstep.
    pub fn delay(&self, attempt: u32) -> Duration {
        let exp = self
            .base_delay
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(16));
        let cap = exp.min(self.max_delay);
        let half = cap / 2;
        let jitter = rand::thread_rng().gen_range(0..=half.as_millis() as u64);
        half + Duration::from_millis(jitter)
    }
}

/// Settings of a [`RestSource`].
#[derive(Debug, Clone)]
pub struct RestConfig {
    /// Base URL of the node, e.g. `https://fullnode.testnet.aptoslabs.com`
    /// (with or without the trailing `/v1`).
    pub node_url: String,
    /// Transactions per request (the node caps it, typically at 100).
    pub page_size: u16,
    /// Requests in flight at once.
    pub pages_in_flight: usize,
    /// Per-request timeout.
    pub request_timeout: Duration,
    /// Retry policy for transient errors.
    pub retry: RetryPolicy,
    /// How long to wait before asking again once caught up with the head.
    pub poll_interval: Duration,
    /// Stop (return `None`) at the chain head instead of following it.
    pub stop_at_head: bool,
}

impl RestConfig {
    /// Defaults for `node_url`.
    pub fn new(node_url: impl Into<String>) -> Self {
        Self {
            node_url: node_url.into(),
            page_size: 100,
            pages_in_flight: 8,
            request_timeout: Duration::from_secs(30),
            retry: RetryPolicy::default(),
            poll_interval: Duration::from_secs(1),
            stop_at_head: false,
        }
    }
}

/// Ledger info from `GET /v1`.
#[derive(Debug, Clone, Copy)]
pub struct LedgerInfo {
    /// The chain's id.
    pub chain_id: u8,
    /// Latest committed version.
    pub ledger_version: u64,
    /// Oldest version the node still serves.
    pub oldest_ledger_version: u64,
}

#[derive(Clone)]
struct Fetcher {
    client: reqwest::Client,
    base: String,
    retry: RetryPolicy,
    chain_id: u8,
}

/// A scheduled request: start, limit and the task fetching it.
type InFlight = (u64, u64, JoinHandle<Result<Page, SourceError>>);

/// The fullnode REST source.
pub struct RestSource {
    fetcher: Fetcher,
    cfg: RestConfig,
    /// First version not yet handed out.
    next: u64,
    /// First version not yet scheduled.
    scheduled: u64,
    head: u64,
    in_flight: VecDeque<InFlight>,
}

/// Installs the ring crypto provider for rustls once per process; reqwest is
/// built without a provider of its own.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

fn base_url(node_url: &str) -> String {
    let trimmed = node_url.trim_end_matches('/');
    let trimmed = trimmed.strip_suffix("/v1").unwrap_or(trimmed);
    format!("{trimmed}/v1")
}

/// Fetches `GET /v1` (with retries) from `node_url`.
pub async fn ledger_info(
    client: &reqwest::Client,
    node_url: &str,
    retry: &RetryPolicy,
) -> Result<LedgerInfo, SourceError> {
    let url = base_url(node_url);
    let (body, _) = get_with_retry(client, &url, retry, None).await?;
    #[derive(Deserialize)]
    struct Raw {
        chain_id: u8,
        #[serde(deserialize_with = "de_u64_str")]
        ledger_version: u64,
        #[serde(deserialize_with = "de_u64_str", default)]
        oldest_ledger_version: u64,
    }
    let raw: Raw = serde_json::from_slice(&body).map_err(|e| SourceError::Http {
        url: url.clone(),
        detail: format!("ledger info is not the expected JSON: {e}"),
    })?;
    Ok(LedgerInfo {
        chain_id: raw.chain_id,
        ledger_version: raw.ledger_version,
        oldest_ledger_version: raw.oldest_ledger_version,
    })
}

/// What a single GET returned: the body and the ledger head header.
type Fetched = (Vec<u8>, Option<u64>);

enum Attempt {
    Retry(String),
    Fatal(SourceError),
}

/// One GET with retries on transient errors. `expect_chain` checks the
/// `X-Aptos-Chain-Id` header when the node sends it.
async fn get_with_retry(
    client: &reqwest::Client,
    url: &str,
    retry: &RetryPolicy,
    expect_chain: Option<u8>,
) -> Result<Fetched, SourceError> {
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        let outcome = get_once(client, url, expect_chain).await;
        let reason = match outcome {
            Ok(v) => return Ok(v),
            Err(Attempt::Fatal(e)) => return Err(e),
            Err(Attempt::Retry(r)) => r,
        };
        if attempt >= retry.max_attempts {
            return Err(SourceError::RetriesExhausted {
                url: url.to_string(),
                attempts: attempt,
                last: reason,
            });
        }
        let delay = retry.delay(attempt);
        tracing::warn!(%url, attempt, ?delay, %reason, "transient fetch error, retrying");
        crate::metrics::METRICS.inc_fetch_retries();
        tokio::time::sleep(delay).await;
    }
}

async fn get_once(
    client: &reqwest::Client,
    url: &str,
    expect_chain: Option<u8>,
) -> Result<Fetched, Attempt> {
    let resp = match client.get(url).send().await {
        Ok(r) => r,
        Err(e) => return Err(Attempt::Retry(format!("request failed: {e}"))),
    };
    let status = resp.status();
    let header_u64 = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok())
    };
    let ledger_version = header_u64("x-aptos-ledger-version");
    let oldest = header_u64("x-aptos-ledger-oldest-version")
        .or_else(|| header_u64("x-aptos-oldest-ledger-version"));
    if let (Some(expected), Some(actual)) = (expect_chain, header_u64("x-aptos-chain-id")) {
        if actual != expected as u64 {
            return Err(Attempt::Fatal(SourceError::ChainIdMismatch {
                expected,
                actual: actual as u8,
            }));
        }
    }
    if status == reqwest::StatusCode::GONE {
        let body = resp.text().await.unwrap_or_default();
        let start = url
            .split("start=")
            .nth(1)
            .and_then(|s| s.split('&').next())
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let oldest = oldest.or_else(|| oldest_from_message(&body));
        return Err(Attempt::Fatal(SourceError::Pruned { start, oldest }));
    }
    if status == reqwest::StatusCode::TOO_MANY_REQUESTS
        || status.is_server_error()
        || status == reqwest::StatusCode::REQUEST_TIMEOUT
    {
        return Err(Attempt::Retry(format!("HTTP {status}")));
    }
    if !status.is_success() {
        let body = resp.text().await.unwrap_or_default();
        // Behind a load balancer a request can reach a node that has not yet
        // caught up with the head another node reported: "not found" /
        // "higher than the current ledger version" heal on retry.
        if status == reqwest::StatusCode::NOT_FOUND
            || (status == reqwest::StatusCode::BAD_REQUEST
                && body.contains("current ledger version"))
        {
            return Err(Attempt::Retry(format!(
                "HTTP {status} (node behind the head?)"
            )));
        }
        return Err(Attempt::Fatal(SourceError::Http {
            url: url.to_string(),
            detail: format!(
                "HTTP {status}: {}",
                body.chars().take(500).collect::<String>()
            ),
        }));
    }
    match resp.bytes().await {
        Ok(b) => Ok((b.to_vec(), ledger_version)),
        Err(e) => Err(Attempt::Retry(format!("body cut short: {e}"))),
    }
}

/// The node's 410 message names the oldest version in words
/// ("... oldest ledger version is 42 ..."); take the last number in it.
fn oldest_from_message(body: &str) -> Option<u64> {
    let v: serde_json::Value = serde_json::from_str(body).ok()?;
    let msg = v.get("message")?.as_str()?;
    msg.split(|c: char| !c.is_ascii_digit())
        .rfind(|s| !s.is_empty())?
        .parse()
        .ok()
}

impl Fetcher {
    /// Fetches `[start, start + limit)`; a page shorter than asked is fine
    /// (the caller fetches the rest), a gap or a body that does not parse is
    /// retried like a truncated transfer.
    async fn page(&self, start: u64, limit: u64) -> Result<Page, SourceError> {
        let url = format!("{}/transactions?start={start}&limit={limit}", self.base);
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let (body, ledger_version) =
                get_with_retry(&self.client, &url, &self.retry, Some(self.chain_id)).await?;
            crate::metrics::METRICS.add_fetched_bytes(body.len() as u64);
            let problem = match serde_json::from_slice::<Vec<Transaction>>(&body) {
                Ok(txns) => match check_page(start, limit, &txns) {
                    Ok(()) => {
                        return Ok(Page {
                            transactions: txns,
                            ledger_version,
                        })
                    }
                    Err(p) => p,
                },
                Err(e) => format!("body is not a transaction array (truncated?): {e}"),
            };
            if attempt >= self.retry.max_attempts {
                return Err(SourceError::RetriesExhausted {
                    url,
                    attempts: attempt,
                    last: problem,
                });
            }
            let delay = self.retry.delay(attempt);
            tracing::warn!(%url, attempt, ?delay, %problem, "bad page, retrying");
            crate::metrics::METRICS.inc_fetch_retries();
            tokio::time::sleep(delay).await;
        }
    }
}

fn check_page(start: u64, limit: u64, txns: &[Transaction]) -> Result<(), String> {
    if txns.len() as u64 > limit {
        return Err(format!(
            "asked for {limit} transactions, got {}",
            txns.len()
        ));
    }
    for (i, t) in txns.iter().enumerate() {
        if t.version != start + i as u64 {
            return Err(format!(
                "expected version {} at position {i}, got {}",
                start + i as u64,
                t.version
            ));
        }
    }
    Ok(())
}

impl RestSource {
    /// Connects to the node: reads its ledger info, checks the chain id
    /// against `expected_chain` (from the database) and returns the source
    /// positioned at `start`, together with the ledger info.
    pub async fn connect(
        cfg: RestConfig,
        start: u64,
        expected_chain: Option<u8>,
    ) -> Result<(Self, LedgerInfo), SourceError> {
        install_crypto_provider();
        let client = reqwest::Client::builder()
            .timeout(cfg.request_timeout)
            .pool_max_idle_per_host(cfg.pages_in_flight.max(1))
            .build()
            .map_err(|e| SourceError::Http {
                url: cfg.node_url.clone(),
                detail: format!("cannot build the HTTP client: {e}"),
            })?;
        let info = ledger_info(&client, &cfg.node_url, &cfg.retry).await?;
        if let Some(expected) = expected_chain {
            if expected != info.chain_id {
                return Err(SourceError::ChainIdMismatch {
                    expected,
                    actual: info.chain_id,
                });
            }
        }
        if start < info.oldest_ledger_version {
            return Err(SourceError::Pruned {
                start,
                oldest: Some(info.oldest_ledger_version),
            });
        }
        let fetcher = Fetcher {
            client,
            base: base_url(&cfg.node_url),
            retry: cfg.retry.clone(),
            chain_id: info.chain_id,
        };
        Ok((
            Self {
                fetcher,
                cfg,
                next: start,
                scheduled: start,
                head: info.ledger_version,
                in_flight: VecDeque::new(),
            },
            info,
        ))
    }

    /// The newest chain head seen so far.
    pub fn head(&self) -> u64 {
        self.head
    }

    fn fill(&mut self) {
        let page = self.cfg.page_size.max(1) as u64;
        while self.in_flight.len() < self.cfg.pages_in_flight.max(1) && self.scheduled <= self.head
        {
            let start = self.scheduled;
            let limit = page.min(self.head - start + 1);
            let f = self.fetcher.clone();
            let handle = tokio::spawn(async move { f.page(start, limit).await });
            self.in_flight.push_back((start, limit, handle));
            self.scheduled = start + limit;
        }
    }

    /// The next page in version order; `None` once caught up when
    /// `stop_at_head` is set, otherwise waits for new transactions.
    pub async fn next_page(&mut self) -> Result<Option<Page>, SourceError> {
        loop {
            self.fill();
            if let Some((start, limit, handle)) = self.in_flight.pop_front() {
                debug_assert_eq!(start, self.next);
                let mut page = match handle.await {
                    Ok(r) => r?,
                    Err(e) => return Err(SourceError::Task(e.to_string())),
                };
                // The node may serve fewer than asked; fetch the rest here so
                // the pages handed out stay contiguous.
                let mut empty = 0u32;
                while (page.transactions.len() as u64) < limit {
                    let got = page.transactions.len() as u64;
                    let more = self.fetcher.page(start + got, limit - got).await?;
                    if more.transactions.is_empty() {
                        empty += 1;
                        if empty >= self.cfg.retry.max_attempts {
                            return Err(SourceError::RetriesExhausted {
                                url: format!(
                                    "{}/transactions?start={}",
                                    self.fetcher.base,
                                    start + got
                                ),
                                attempts: empty,
                                last: "no transactions below the reported ledger head".into(),
                            });
                        }
                        tokio::time::sleep(self.cfg.retry.delay(empty)).await;
                        continue;
                    }
                    page.ledger_version = more.ledger_version.or(page.ledger_version);
                    page.transactions.extend(more.transactions);
                }
                if let Some(h) = page.ledger_version {
                    self.head = self.head.max(h);
                }
                self.next = start + limit;
                return Ok(Some(page));
            }
            // Caught up: everything up to the head has been handed out.
            if self.cfg.stop_at_head {
                return Ok(None);
            }
            tokio::time::sleep(self.cfg.poll_interval).await;
            let info =
                ledger_info(&self.fetcher.client, &self.cfg.node_url, &self.cfg.retry).await?;
            if info.chain_id != self.fetcher.chain_id {
                return Err(SourceError::ChainIdMismatch {
                    expected: self.fetcher.chain_id,
                    actual: info.chain_id,
                });
            }
            self.head = self.head.max(info.ledger_version);
        }
    }
}

impl Drop for RestSource {
    fn drop(&mut self) {
        for (_, _, h) in &self.in_flight {
            h.abort();
        }
    }
}

/// Transactions from a JSON-lines file (one REST-shaped transaction per
/// line, versions ascending), for replays and demos.
pub struct FileSource {
    path: PathBuf,
    lines: std::io::Lines<std::io::BufReader<std::fs::File>>,
    line_no: usize,
    page_size: usize,
    last_version: Option<u64>,
    start: u64,
}

impl FileSource {
    /// Opens `path`; transactions below `start` are skipped.
    pub fn open(path: &Path, start: u64, page_size: usize) -> Result<Self, SourceError> {
        let file = std::fs::File::open(path).map_err(|e| SourceError::File {
            path: path.to_path_buf(),
            line: 0,
            detail: e.to_string(),
        })?;
        Ok(Self {
            path: path.to_path_buf(),
            lines: std::io::BufReader::new(file).lines(),
            line_no: 0,
            page_size: page_size.max(1),
            last_version: None,
            start,
        })
    }

    /// The next page of up to `page_size` transactions; `None` at the end.
    pub fn next_page(&mut self) -> Result<Option<Page>, SourceError> {
        let mut txns = Vec::with_capacity(self.page_size);
        while txns.len() < self.page_size {
            let Some(line) = self.lines.next() else { break };
            self.line_no += 1;
            let err = |detail: String| SourceError::File {
                path: self.path.clone(),
                line: self.line_no,
                detail,
            };
            let line = line.map_err(|e| err(e.to_string()))?;
            if line.trim().is_empty() {
                continue;
            }
            let t: Transaction =
                serde_json::from_str(&line).map_err(|e| err(format!("not a transaction: {e}")))?;
            if let Some(last) = self.last_version {
                if t.version <= last {
                    return Err(err(format!(
                        "version {} does not follow {last}: versions must ascend",
                        t.version
                    )));
                }
            }
            self.last_version = Some(t.version);
            if t.version >= self.start {
                txns.push(t);
            }
        }
        if txns.is_empty() {
            return Ok(None);
        }
        Ok(Some(Page {
            ledger_version: None,
            transactions: txns,
        }))
    }
}

/// Either source behind one interface.
pub enum Source {
    /// A fullnode.
    Rest(Box<RestSource>),
    /// A JSON-lines file.
    File(FileSource),
}

impl Source {
    /// The next page in version order, `None` when the source is done.
    pub async fn next_page(&mut self) -> Result<Option<Page>, SourceError> {
        match self {
            Source::Rest(r) => r.next_page().await,
            Source::File(f) => f.next_page(),
        }
    }

    /// The chain head when known (a file has none: it is read to its end).
    pub fn head(&self) -> Option<u64> {
        match self {
            Source::Rest(r) => Some(r.head()),
            Source::File(_) => None,
        }
    }
}

#[cfg(test)]
mod tests;

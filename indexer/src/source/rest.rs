//! The fullnode REST source: `GET /v1/transactions?start=&limit=` with
//! several pages in flight, handed out in version order.

use std::collections::VecDeque;
use std::time::Duration;

use serde::Deserialize;
use tokio::task::JoinHandle;

use super::{
    de_u64_str, install_crypto_provider, with_causes, Page, RetryPolicy, SourceError, Transaction,
};
use crate::metrics::METRICS;

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
    /// Retry policy for transient errors (its attempts bound a backfill;
    /// a following source retries for as long as it takes).
    pub retry: RetryPolicy,
    /// How long to wait before asking again once caught up with the head.
    pub poll_interval: Duration,
    /// Stop (return `None`) at the chain head instead of following it.
    pub stop_at_head: bool,
    /// How long the node may stay below the last indexed version (a node
    /// behind a load balancer catching up) before it counts as another
    /// ledger.
    pub ledger_patience: Duration,
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
            ledger_patience: Duration::from_secs(30),
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
    /// Retry transient errors for as long as it takes (following).
    forever: bool,
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
    /// The last version handed out (or indexed before) and its hash: the
    /// ledger the source must keep serving.
    anchor: Option<(u64, String)>,
    /// Since when the node's head is below the anchor.
    below_since: Option<std::time::Instant>,
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
    fetch_ledger_info(client, node_url, retry, false).await
}

async fn fetch_ledger_info(
    client: &reqwest::Client,
    node_url: &str,
    retry: &RetryPolicy,
    forever: bool,
) -> Result<LedgerInfo, SourceError> {
    let url = base_url(node_url);
    let (body, _) = get_with_retry(client, &url, retry, forever, None).await?;
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
    /// Worth another try: why, and how long the node asked us to wait.
    Retry(String, Option<Duration>),
    Fatal(SourceError),
}

/// The longest `Retry-After` honoured.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(600);

/// One GET with retries on transient errors (for as long as it takes when
/// `forever`). `expect_chain` checks the `X-Aptos-Chain-Id` header when the
/// node sends it. While it fails, the node counts as unreachable.
async fn get_with_retry(
    client: &reqwest::Client,
    url: &str,
    retry: &RetryPolicy,
    forever: bool,
    expect_chain: Option<u8>,
) -> Result<Fetched, SourceError> {
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        let (reason, after) = match get_once(client, url, expect_chain).await {
            Ok(v) => {
                METRICS.node_reachable();
                return Ok(v);
            }
            Err(Attempt::Fatal(e)) => return Err(e),
            Err(Attempt::Retry(r, after)) => (r, after),
        };
        METRICS.node_unreachable(&reason);
        if !forever && attempt >= retry.max_attempts {
            return Err(SourceError::RetriesExhausted {
                url: url.to_string(),
                attempts: attempt,
                last: reason,
            });
        }
        let delay = after.unwrap_or_else(|| retry.delay(attempt.min(16)));
        tracing::warn!(%url, attempt, ?delay, %reason, "transient fetch error, retrying");
        METRICS.inc_fetch_retries();
        tokio::time::sleep(delay).await;
    }
}

/// `Retry-After` as seconds or as an HTTP date.
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let v = headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    let d = match v.parse::<u64>() {
        Ok(secs) => Duration::from_secs(secs),
        Err(_) => httpdate::parse_http_date(v)
            .ok()?
            .duration_since(std::time::SystemTime::now())
            .unwrap_or_default(),
    };
    Some(d.min(MAX_RETRY_AFTER))
}

async fn get_once(
    client: &reqwest::Client,
    url: &str,
    expect_chain: Option<u8>,
) -> Result<Fetched, Attempt> {
    let resp = match client.get(url).send().await {
        Ok(r) => r,
        // A URL the client cannot even send to will not heal.
        Err(e) if e.is_builder() => {
            return Err(Attempt::Fatal(SourceError::Http {
                url: url.to_string(),
                detail: format!("not a usable node URL: {}", with_causes(&e)),
            }))
        }
        Err(e) => {
            let kind = if e.is_timeout() {
                "timed out"
            } else {
                "request failed"
            };
            return Err(Attempt::Retry(format!("{kind}: {}", with_causes(&e)), None));
        }
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
        return Err(Attempt::Retry(
            format!("HTTP {status}"),
            retry_after(resp.headers()),
        ));
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
            return Err(Attempt::Retry(
                format!("HTTP {status} (node behind the head?)"),
                None,
            ));
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
        Err(e) => Err(Attempt::Retry(
            format!("body cut short: {}", with_causes(&e)),
            None,
        )),
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
            let (body, ledger_version) = get_with_retry(
                &self.client,
                &url,
                &self.retry,
                self.forever,
                Some(self.chain_id),
            )
            .await?;
            METRICS.add_fetched_bytes(body.len() as u64);
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
            if !self.forever && attempt >= self.retry.max_attempts {
                return Err(SourceError::RetriesExhausted {
                    url,
                    attempts: attempt,
                    last: problem,
                });
            }
            let delay = self.retry.delay(attempt.min(16));
            tracing::warn!(%url, attempt, ?delay, %problem, "bad page, retrying");
            METRICS.inc_fetch_retries();
            tokio::time::sleep(delay).await;
        }
    }

    /// The hash of the transaction at `version` (a one-transaction page,
    /// which every node serves).
    async fn hash_at(&self, version: u64) -> Result<Option<String>, SourceError> {
        let page = self.page(version, 1).await?;
        Ok(page.transactions.into_iter().next().and_then(|t| t.hash))
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
    /// positioned at `start`, together with the ledger info. A following
    /// source waits for as long as the node is away.
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
                detail: format!("cannot build the HTTP client: {}", with_causes(&e)),
            })?;
        let forever = !cfg.stop_at_head;
        let info = fetch_ledger_info(&client, &cfg.node_url, &cfg.retry, forever).await?;
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
            forever,
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
                anchor: None,
                below_since: None,
            },
            info,
        ))
    }

    /// Checks that the node still has the database's last transaction:
    /// `version` with `hash`. From then on the source checks the last
    /// transaction it handed out whenever it has caught up.
    pub async fn check_ledger(&mut self, version: u64, hash: String) -> Result<(), SourceError> {
        self.anchor = Some((version, hash));
        self.verify_anchor(self.head).await
    }

    /// The node, whose head is `head`, still serves the anchor: a head below
    /// it for longer than the patience, or another hash there, is another
    /// ledger.
    async fn verify_anchor(&mut self, head: u64) -> Result<(), SourceError> {
        let Some((version, hash)) = self.anchor.clone() else {
            return Ok(());
        };
        if head < version {
            let since = *self.below_since.get_or_insert_with(std::time::Instant::now);
            if since.elapsed() >= self.cfg.ledger_patience {
                return Err(SourceError::LedgerReset {
                    detail: format!(
                        "the node's newest version is {head}, below version {version} the database holds"
                    ),
                });
            }
            return Ok(());
        }
        self.below_since = None;
        let found = match self.fetcher.hash_at(version).await {
            // The node keeps no history that old: nothing to compare.
            Err(SourceError::Pruned { .. }) => return Ok(()),
            other => other?,
        };
        match found {
            Some(h) if h.eq_ignore_ascii_case(&hash) => Ok(()),
            found => Err(SourceError::LedgerReset {
                detail: format!(
                    "its transaction {version} has hash {}, the database's has {hash}",
                    found.as_deref().unwrap_or("(none)")
                ),
            }),
        }
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
                        if !self.fetcher.forever && empty >= self.cfg.retry.max_attempts {
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
                        tokio::time::sleep(self.cfg.retry.delay(empty.min(16))).await;
                        continue;
                    }
                    page.ledger_version = more.ledger_version.or(page.ledger_version);
                    page.transactions.extend(more.transactions);
                }
                if let Some(h) = page.ledger_version {
                    self.head = self.head.max(h);
                }
                if let Some(last) = page.transactions.last() {
                    self.anchor = last.hash.clone().map(|h| (last.version, h));
                }
                self.next = start + limit;
                return Ok(Some(page));
            }
            // Caught up: everything up to the head has been handed out.
            if self.cfg.stop_at_head {
                return Ok(None);
            }
            tokio::time::sleep(self.cfg.poll_interval).await;
            let info = fetch_ledger_info(
                &self.fetcher.client,
                &self.cfg.node_url,
                &self.cfg.retry,
                true,
            )
            .await?;
            if info.chain_id != self.fetcher.chain_id {
                return Err(SourceError::ChainIdMismatch {
                    expected: self.fetcher.chain_id,
                    actual: info.chain_id,
                });
            }
            // A node that stays below what was handed out, or serves another
            // transaction there, serves another ledger.
            self.verify_anchor(info.ledger_version).await?;
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

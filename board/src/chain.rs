//! What the board asks others: the chain (job state, authentication keys,
//! creators' VIP standing; the chain is the authority on all of them) and the
//! indexer's candidates ranking, both over HTTP.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lumen_sdk::messages::authentication_key;
use lumen_sdk::tx::{LumenClient, TxError};
use lumen_sdk::views::{self, JobInfo};
use lumen_sdk::{AccountAddress, VipRole};
use serde_json::Value;

use crate::proto::{Candidate, Candidates};

/// How long an account's authentication key is trusted before asking again
/// by default (a key rotation takes effect on the board within this time).
pub const AUTH_KEY_TTL: Duration = Duration::from_secs(30);

/// A question to the chain or the indexer that got no usable answer.
#[derive(Debug, thiserror::Error)]
pub enum UpstreamError {
    /// The fullnode failed or refused.
    #[error("fullnode: {0}")]
    Node(#[from] TxError),
    /// The indexer failed or refused.
    #[error("indexer: {0}")]
    Indexer(String),
    /// The indexer says the job is not open.
    #[error("{0}")]
    NotOpen(String),
    /// The indexer has not seen the job yet (it trails the chain).
    #[error("the indexer has not indexed job {0} yet; retry in a moment")]
    NotIndexed(u64),
    /// No indexer is configured.
    #[error("no indexer is configured (--indexer-url); the board cannot rank candidates")]
    NoIndexer,
}

/// The board's view of the chain.
pub struct Chain {
    client: LumenClient,
    http: reqwest::Client,
    indexer: Option<String>,
    auth_key_ttl: Duration,
    auth_keys: Mutex<HashMap<AccountAddress, ([u8; 32], Instant)>>,
}

impl Chain {
    /// Reads the chain through `client` and candidates from the indexer at
    /// `indexer` (its base URL).
    pub fn new(client: LumenClient, indexer: Option<String>) -> Self {
        Self {
            client,
            http: crate::http_client(Duration::from_secs(10)),
            indexer: indexer.map(|u| u.trim_end_matches('/').to_string()),
            auth_key_ttl: AUTH_KEY_TTL,
            auth_keys: Mutex::new(HashMap::new()),
        }
    }

    /// Trusts a fetched authentication key for `ttl` instead of [`AUTH_KEY_TTL`].
    pub fn with_auth_key_ttl(mut self, ttl: Duration) -> Self {
        self.auth_key_ttl = ttl;
        self
    }

    /// The fullnode client.
    pub fn client(&self) -> &LumenClient {
        &self.client
    }

    /// The job's on-chain record.
    pub async fn job_info(&self, job: AccountAddress) -> Result<JobInfo, UpstreamError> {
        Ok(self
            .client
            .view(&views::escrow::job_info(&self.client.package, job))
            .await?)
    }

    /// The chain's id.
    pub async fn chain_id(&self) -> Result<u8, UpstreamError> {
        Ok(self.client.chain_id().await?.id())
    }

    /// Whether `public_key` is `account`'s current authentication key. An
    /// account the chain does not know yet has its address as its key.
    pub async fn is_current_key(
        &self,
        account: AccountAddress,
        public_key: &lumen_sdk::aptos_sdk::crypto::Ed25519PublicKey,
    ) -> Result<bool, UpstreamError> {
        let want = authentication_key(public_key);
        let cached = {
            let keys = self.auth_keys.lock().expect("auth key cache");
            keys.get(&account)
                .filter(|(_, at)| at.elapsed() < self.auth_key_ttl)
                .map(|(k, _)| *k)
        };
        let current = match cached {
            Some(k) => k,
            None => {
                let k = match self.client.node.get_account(account).await {
                    Ok(r) => parse_key(&r.data.authentication_key).unwrap_or([0; 32]),
                    Err(e) if e.is_not_found() => account.to_bytes(),
                    Err(e) => return Err(UpstreamError::Node(e.into())),
                };
                let mut keys = self.auth_keys.lock().expect("auth key cache");
                if keys.len() > 100_000 {
                    let ttl = self.auth_key_ttl;
                    keys.retain(|_, (_, at)| at.elapsed() < ttl);
                }
                keys.insert(account, (k, Instant::now()));
                k
            }
        };
        Ok(current == want)
    }

    /// Whether the creator holds a creator VIP pass (seed 001: VIP creators'
    /// jobs are offered first).
    pub async fn creator_vip(&self, creator: AccountAddress) -> Result<bool, UpstreamError> {
        let p = &self.client.package;
        Ok(self
            .client
            .view(&views::vip::has_pass(p, creator, VipRole::Creator as u8))
            .await?)
    }

    /// The indexer's ranked candidates for job `job_id` (top 10 % of VIP
    /// workers first, then by priority).
    pub async fn candidates(
        &self,
        job: AccountAddress,
        job_id: u64,
        limit: u64,
    ) -> Result<Candidates, UpstreamError> {
        let base = self.indexer.as_ref().ok_or(UpstreamError::NoIndexer)?;
        let url = format!("{base}/v1/jobs/{job_id}/candidates?limit={limit}");
        let resp = self
            .http
            .get(&url)
            .send()
            .await
            .map_err(|e| UpstreamError::Indexer(format!("{url}: {e}")))?;
        let status = resp.status();
        let body: Value = resp
            .json()
            .await
            .map_err(|e| UpstreamError::Indexer(format!("{url}: {e}")))?;
        let message = || body["error"].as_str().unwrap_or("").to_string();
        match status.as_u16() {
            200 => {}
            409 => return Err(UpstreamError::NotOpen(message())),
            404 => return Err(UpstreamError::NotIndexed(job_id)),
            s => return Err(UpstreamError::Indexer(format!("{url}: {s} {}", message()))),
        }
        parse_candidates(job, &body).map_err(|e| UpstreamError::Indexer(format!("{url}: {e}")))
    }
}

fn parse_key(s: &str) -> Option<[u8; 32]> {
    let mut out = [0u8; 32];
    hex::decode_to_slice(s.trim_start_matches("0x"), &mut out).ok()?;
    Some(out)
}

fn parse_candidates(job: AccountAddress, body: &Value) -> Result<Candidates, String> {
    let num = |v: &Value, k: &str| {
        v[k].as_u64()
            .ok_or_else(|| format!("`{k}` missing or not a number"))
    };
    let items = body["items"]
        .as_array()
        .ok_or("`items` missing or not an array")?;
    let candidates = items
        .iter()
        .map(|it| {
            let address = it["address"]
                .as_str()
                .and_then(|a| AccountAddress::from_hex(a).ok())
                .ok_or("an item's `address` is missing or not an address")?;
            Ok(Candidate {
                address,
                rank: num(it, "rank")?,
                vip_priority_slot: it["vip_priority_slot"].as_bool().unwrap_or(false),
                priority: num(it, "priority")?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Candidates {
        job,
        eligible_total: num(body, "eligible_total")?,
        vip_first: num(body, "vip_first")?,
        candidates,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn candidates_from_the_indexer_shape() {
        let body = json!({
            "job": {"job_id": 3},
            "eligible_total": 2,
            "vip_first": 1,
            "items": [
                {"address": "0xb0b", "rank": 1, "vip_priority_slot": true, "priority": 900, "vip": true},
                {"address": "0xca7", "rank": 2, "vip_priority_slot": false, "priority": 950, "vip": false}
            ]
        });
        let c = parse_candidates(AccountAddress::ONE, &body).unwrap();
        assert_eq!(c.candidates.len(), 2);
        assert_eq!(
            c.candidates[0].address,
            AccountAddress::from_hex("0xb0b").unwrap()
        );
        assert!(c.candidates[0].vip_priority_slot);
        assert_eq!((c.eligible_total, c.vip_first), (2, 1));
        let e =
            parse_candidates(AccountAddress::ONE, &json!({"items": [{"rank": 1}]})).unwrap_err();
        assert!(e.contains("address"), "{e}");
    }
}

//! The board's HTTP client, for workers and creators: signs every write
//! ([`crate::auth`]) and checks every blob it downloads against its hash, so a
//! board (or a store behind it) that serves other bytes is caught here.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use lumen_sdk::aptos_sdk::crypto::Ed25519PrivateKey;
use lumen_sdk::render::{content_hash, Hash32};
use lumen_sdk::AccountAddress;
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::proto::*;

/// A request to the board that did not give the expected answer.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The board could not be reached or the answer not read.
    #[error("board {url}: {source}")]
    Http {
        /// The URL asked.
        url: String,
        /// The transport error.
        source: reqwest::Error,
    },
    /// The board answered with an error.
    #[error("board {url}: {status}: {}", .body.error)]
    Board {
        /// The URL asked.
        url: String,
        /// The HTTP status.
        status: u16,
        /// The board's error.
        body: ErrorBody,
    },
    /// A blob's bytes do not hash to its name.
    #[error("blob {expected} from the board hashes to {actual}: corrupt or substituted")]
    Corrupt {
        /// What was asked for.
        expected: Hash32,
        /// What arrived.
        actual: Hash32,
    },
    /// The answer is not what the API promises.
    #[error("board {url}: unexpected answer: {reason}")]
    Decode {
        /// The URL asked.
        url: String,
        /// What did not fit.
        reason: String,
    },
}

impl ClientError {
    /// The HTTP status of a board error answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Board { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Whether trying again later may help (transport trouble, 429, 5xx).
    pub fn is_transient(&self) -> bool {
        match self {
            ClientError::Http { .. } => true,
            ClientError::Board { status, .. } => *status == 429 || *status >= 500,
            _ => false,
        }
    }
}

/// An account (or device) key the client signs writes with.
pub struct Identity {
    /// The key.
    pub key: Ed25519PrivateKey,
    /// The account it acts for (derived from the key unless the key was rotated).
    pub account: AccountAddress,
}

impl Identity {
    /// The account whose address derives from `key`.
    pub fn new(key: Ed25519PrivateKey) -> Self {
        let account =
            AccountAddress::new(lumen_sdk::messages::authentication_key(&key.public_key()));
        Self { key, account }
    }
}

/// A client of one board.
#[derive(Clone, Debug)]
pub struct BoardClient {
    base: String,
    http: reqwest::Client,
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl BoardClient {
    /// A client of the board at `base` (e.g. `http://127.0.0.1:8070`).
    pub fn new(base: &str) -> Self {
        Self {
            base: base.trim_end_matches('/').to_string(),
            // Long polls last up to 30 s; uploads of large scenes longer.
            http: crate::http_client(Duration::from_secs(600)),
        }
    }

    /// The board's base URL.
    pub fn base(&self) -> &str {
        &self.base
    }

    async fn send<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        signer: Option<&Identity>,
        body: Option<(Vec<u8>, &'static str)>,
    ) -> Result<T, ClientError> {
        let url = format!("{}{path}", self.base);
        let mut req = self.http.request(method.clone(), &url);
        let (bytes, content_type) = body.unwrap_or((Vec::new(), "application/json"));
        if let Some(id) = signer {
            for (h, v) in crate::auth::sign(
                &id.key,
                id.account,
                method.as_str(),
                path,
                unix_now(),
                &bytes,
            ) {
                req = req.header(h, v);
            }
        }
        if !bytes.is_empty() || signer.is_some() {
            req = req
                .header(reqwest::header::CONTENT_TYPE, content_type)
                .body(bytes);
        }
        let resp = req.send().await.map_err(|source| ClientError::Http {
            url: url.clone(),
            source,
        })?;
        let status = resp.status().as_u16();
        let text = resp.bytes().await.map_err(|source| ClientError::Http {
            url: url.clone(),
            source,
        })?;
        if status >= 400 {
            let body = serde_json::from_slice(&text).unwrap_or_else(|_| ErrorBody {
                error: String::from_utf8_lossy(&text).chars().take(300).collect(),
                parameter: None,
            });
            return Err(ClientError::Board { url, status, body });
        }
        serde_json::from_slice(&text).map_err(|e| ClientError::Decode {
            url,
            reason: e.to_string(),
        })
    }

    fn json<B: Serialize>(b: &B) -> Option<(Vec<u8>, &'static str)> {
        Some((
            serde_json::to_vec(b).expect("requests serialise"),
            "application/json",
        ))
    }

    /// Uploads a scene (`.blend`); returns its hash and size.
    pub async fn put_scene(
        &self,
        id: &Identity,
        bytes: Vec<u8>,
    ) -> Result<BlobStored, ClientError> {
        let hash = content_hash(&bytes);
        self.send(
            Method::PUT,
            &format!("/v1/blobs/{}", hash.hex()),
            Some(id),
            Some((bytes, "application/octet-stream")),
        )
        .await
    }

    /// A blob's bytes, checked against `hash`.
    pub async fn blob(&self, hash: &Hash32) -> Result<Vec<u8>, ClientError> {
        let url = format!("{}/v1/blobs/{}", self.base, hash.hex());
        let resp = self
            .http
            .get(&url)
            .send()
            .await
            .map_err(|source| ClientError::Http {
                url: url.clone(),
                source,
            })?;
        let status = resp.status().as_u16();
        let bytes = resp.bytes().await.map_err(|source| ClientError::Http {
            url: url.clone(),
            source,
        })?;
        if status >= 400 {
            let body = serde_json::from_slice(&bytes).unwrap_or_else(|_| ErrorBody {
                error: String::from_utf8_lossy(&bytes).chars().take(300).collect(),
                parameter: None,
            });
            return Err(ClientError::Board { url, status, body });
        }
        let actual = content_hash(&bytes);
        if actual != *hash {
            return Err(ClientError::Corrupt {
                expected: *hash,
                actual,
            });
        }
        Ok(bytes.to_vec())
    }

    /// Announces a job created on chain.
    pub async fn post_job(&self, id: &Identity, req: &PostJob) -> Result<JobView, ClientError> {
        self.send(Method::POST, "/v1/jobs", Some(id), Self::json(req))
            .await
    }

    /// The job as the board knows it.
    pub async fn job(&self, job: AccountAddress) -> Result<JobView, ClientError> {
        self.send(Method::GET, &format!("/v1/jobs/{job}"), None, None)
            .await
    }

    /// The indexer's ranked candidates for the job.
    pub async fn candidates(
        &self,
        job: AccountAddress,
        limit: u64,
    ) -> Result<Candidates, ClientError> {
        self.send(
            Method::GET,
            &format!("/v1/jobs/{job}/candidates?limit={limit}"),
            None,
            None,
        )
        .await
    }

    /// Posts a ladder of signed offers.
    pub async fn post_offers(
        &self,
        id: &Identity,
        job: AccountAddress,
        req: &PostOffers,
    ) -> Result<JobView, ClientError> {
        self.send(
            Method::POST,
            &format!("/v1/jobs/{job}/offers"),
            Some(id),
            Self::json(req),
        )
        .await
    }

    /// Posts the frames to render again.
    pub async fn post_rerender(
        &self,
        id: &Identity,
        job: AccountAddress,
        req: &PostRerender,
    ) -> Result<JobView, ClientError> {
        self.send(
            Method::POST,
            &format!("/v1/jobs/{job}/rerender"),
            Some(id),
            Self::json(req),
        )
        .await
    }

    /// Uploads a rendered frame (PNG bytes).
    pub async fn put_frame(
        &self,
        id: &Identity,
        job: AccountAddress,
        frame: u64,
        png: Vec<u8>,
    ) -> Result<FrameView, ClientError> {
        self.send(
            Method::PUT,
            &format!("/v1/jobs/{job}/frames/{frame}"),
            Some(id),
            Some((png, "image/png")),
        )
        .await
    }

    /// The worker's active offers, waiting up to `wait_secs` for one.
    pub async fn poll_offers(
        &self,
        worker: AccountAddress,
        wait_secs: u64,
    ) -> Result<OffersPage, ClientError> {
        self.send(
            Method::GET,
            &format!("/v1/workers/{worker}/offers?wait={wait_secs}"),
            None,
            None,
        )
        .await
    }

    /// Turns an offer down.
    pub async fn decline(
        &self,
        id: &Identity,
        offer: i64,
        reason: &str,
    ) -> Result<OfferView, ClientError> {
        let body = Decline {
            reason: reason.to_string(),
        };
        self.send(
            Method::POST,
            &format!("/v1/offers/{offer}/decline"),
            Some(id),
            Self::json(&body),
        )
        .await
    }

    /// Reports that the offer was accepted on chain.
    pub async fn accepted(&self, id: &Identity, offer: i64) -> Result<OfferView, ClientError> {
        self.send(
            Method::POST,
            &format!("/v1/offers/{offer}/accepted"),
            Some(id),
            Self::json(&serde_json::json!({})),
        )
        .await
    }
}

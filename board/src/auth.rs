//! Signed requests: every write to the board carries an ed25519 signature of
//! the account it acts for.
//!
//! The signed bytes are `b"LUMEN-BOARD-REQUEST-V1" ‖ bcs(BoardRequest { method,
//! path, timestamp, nonce, body_hash })`, where `path` is the request's path
//! and query as sent, `timestamp` Unix seconds, `nonce` a random u64 (so two
//! identical requests in one second still differ) and `body_hash` the
//! SHA3-256 of the body.
//! The prefix keeps a request signature from ever verifying as a transaction
//! or an assignment offer (those start with a hash prefix or the package
//! address). The five headers below carry account, public key, timestamp,
//! nonce and signature. The board accepts a timestamp within [`MAX_SKEW_SECS`] of its
//! clock, each signature once, and a public key only when it is the account's
//! current authentication key on chain.

use lumen_sdk::aptos_sdk::crypto::{Ed25519PrivateKey, Ed25519PublicKey, Ed25519Signature};
use lumen_sdk::messages::{verify_strict, SignatureError};
use lumen_sdk::render::content_hash;
use lumen_sdk::AccountAddress;
use serde::Serialize;

/// Header: the account the request acts for.
pub const ACCOUNT: &str = "lumen-account";
/// Header: the ed25519 public key (hex).
pub const PUBLIC_KEY: &str = "lumen-public-key";
/// Header: Unix seconds when the request was signed.
pub const TIMESTAMP: &str = "lumen-timestamp";
/// Header: the request's random nonce (decimal u64).
pub const NONCE: &str = "lumen-nonce";
/// Header: the signature (hex).
pub const SIGNATURE: &str = "lumen-signature";

/// How far a request's timestamp may be from the board's clock.
pub const MAX_SKEW_SECS: u64 = 120;

const DOMAIN: &[u8] = b"LUMEN-BOARD-REQUEST-V1";

#[derive(Serialize)]
struct BoardRequest<'a> {
    method: &'a str,
    path: &'a str,
    timestamp: u64,
    nonce: u64,
    body_hash: Vec<u8>,
}

/// The bytes a request signature covers.
pub fn signing_bytes(method: &str, path: &str, timestamp: u64, nonce: u64, body: &[u8]) -> Vec<u8> {
    let req = BoardRequest {
        method,
        path,
        timestamp,
        nonce,
        body_hash: content_hash(body).0.to_vec(),
    };
    let mut out = DOMAIN.to_vec();
    out.extend(aptos_bcs::to_bytes(&req).expect("BCS of plain structs cannot fail"));
    out
}

/// The five headers of a request signed by `key` for `account`.
pub fn sign(
    key: &Ed25519PrivateKey,
    account: AccountAddress,
    method: &str,
    path: &str,
    timestamp: u64,
    body: &[u8],
) -> [(&'static str, String); 5] {
    let nonce = rand::random::<u64>();
    let sig = key.sign(&signing_bytes(method, path, timestamp, nonce, body));
    [
        (ACCOUNT, account.to_hex()),
        (PUBLIC_KEY, key.public_key().to_hex()),
        (TIMESTAMP, timestamp.to_string()),
        (NONCE, nonce.to_string()),
        (SIGNATURE, sig.to_hex()),
    ]
}

/// Why a request's signature was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    /// A header is absent.
    #[error("missing header `{0}`: writes must be signed (see the board's README)")]
    Missing(&'static str),
    /// A header does not parse.
    #[error("header `{header}`: {reason}")]
    Malformed {
        /// The header.
        header: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// The timestamp is too far from the board's clock.
    #[error("request timestamp {timestamp} is more than {MAX_SKEW_SECS} s from the board's clock ({now})")]
    Stale {
        /// The request's timestamp.
        timestamp: u64,
        /// The board's clock.
        now: u64,
    },
    /// The signature does not verify.
    #[error(transparent)]
    Signature(#[from] SignatureError),
}

/// A request whose signature verified: who signed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signer {
    /// The account the request acts for.
    pub account: AccountAddress,
    /// The key that signed (still to be checked against the chain).
    pub public_key: Ed25519PublicKey,
    /// The signature, hex (replay protection remembers it).
    pub signature: String,
    /// When it was signed.
    pub timestamp: u64,
}

/// Checks the headers of a request against its method, path and body.
/// `header` looks a header up by (lower-case) name.
pub fn verify<'a>(
    header: impl Fn(&str) -> Option<&'a str>,
    method: &str,
    path: &str,
    body: &[u8],
    now: u64,
) -> Result<Signer, AuthError> {
    let get = |name: &'static str| header(name).ok_or(AuthError::Missing(name));
    let bad = |header: &'static str, reason: String| AuthError::Malformed { header, reason };
    let account =
        AccountAddress::from_hex(get(ACCOUNT)?.trim()).map_err(|e| bad(ACCOUNT, e.to_string()))?;
    let public_key = Ed25519PublicKey::from_hex(get(PUBLIC_KEY)?.trim())
        .map_err(|e| bad(PUBLIC_KEY, e.to_string()))?;
    let timestamp: u64 = get(TIMESTAMP)?
        .trim()
        .parse()
        .map_err(|_| bad(TIMESTAMP, "expected Unix seconds".into()))?;
    let nonce: u64 = get(NONCE)?
        .trim()
        .parse()
        .map_err(|_| bad(NONCE, "expected a decimal u64".into()))?;
    let sig_text = get(SIGNATURE)?.trim();
    let signature =
        Ed25519Signature::from_hex(sig_text).map_err(|e| bad(SIGNATURE, e.to_string()))?;
    if timestamp.abs_diff(now) > MAX_SKEW_SECS {
        return Err(AuthError::Stale { timestamp, now });
    }
    verify_strict(
        "board request",
        &signing_bytes(method, path, timestamp, nonce, body),
        &public_key,
        &signature,
    )?;
    Ok(Signer {
        account,
        public_key,
        signature: sig_text.trim_start_matches("0x").to_ascii_lowercase(),
        timestamp,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn key() -> Ed25519PrivateKey {
        Ed25519PrivateKey::from_bytes(&[3u8; 32]).unwrap()
    }

    fn headers(h: &[(&'static str, String); 5]) -> HashMap<&'static str, String> {
        h.iter().cloned().collect()
    }

    #[test]
    fn signed_request_verifies_and_tampering_fails() {
        let account = AccountAddress::from_hex("0xa11ce").unwrap();
        let h = headers(&sign(&key(), account, "PUT", "/v1/x?y=1", 1000, b"body"));
        let get = |n: &str| h.get(n).map(String::as_str);
        let s = verify(get, "PUT", "/v1/x?y=1", b"body", 1010).unwrap();
        assert_eq!(s.account, account);
        assert_eq!(s.public_key, key().public_key());
        for (m, p, b) in [
            ("POST", "/v1/x?y=1", &b"body"[..]),
            ("PUT", "/v1/x?y=2", b"body"),
            ("PUT", "/v1/x?y=1", b"bodY"),
        ] {
            assert!(
                matches!(verify(get, m, p, b, 1010), Err(AuthError::Signature(_))),
                "{m} {p}"
            );
        }
        assert!(matches!(
            verify(get, "PUT", "/v1/x?y=1", b"body", 1000 + MAX_SKEW_SECS + 1),
            Err(AuthError::Stale { .. })
        ));
        let mut other = h.clone();
        other.insert(
            PUBLIC_KEY,
            Ed25519PrivateKey::from_bytes(&[4u8; 32])
                .unwrap()
                .public_key()
                .to_hex(),
        );
        let get = |n: &str| other.get(n).map(String::as_str);
        assert!(matches!(
            verify(get, "PUT", "/v1/x?y=1", b"body", 1010),
            Err(AuthError::Signature(_))
        ));
        let none = |_: &str| None;
        assert_eq!(
            verify(none, "PUT", "/", b"", 0),
            Err(AuthError::Missing(ACCOUNT))
        );
    }

    #[test]
    fn layout() {
        let b = signing_bytes("GET", "/p", 7, 9, b"");
        assert!(b.starts_with(DOMAIN));
        let rest = &b[DOMAIN.len()..];
        assert_eq!(&rest[..4], &[3, b'G', b'E', b'T']);
        assert_eq!(&rest[4..6], &[2, b'/']);
        assert_eq!(rest[6], b'p');
        assert_eq!(&rest[7..15], &7u64.to_le_bytes());
        assert_eq!(&rest[15..23], &9u64.to_le_bytes());
        assert_eq!(rest[23], 32);
        assert_eq!(&rest[24..], &content_hash(b"").0);
    }
}

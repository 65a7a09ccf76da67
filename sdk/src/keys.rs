//! The account key schemes a creator can sign offers with, as the contract
//! (`lumen::offer_auth`) takes them: the scheme byte, the public key bytes,
//! the authentication key they derive, and the signature bytes.
//!
//! | scheme | public key bytes | signature bytes |
//! |---|---|---|
//! | 0 Ed25519 (legacy) | the 32-byte key | 64 bytes |
//! | 2 SingleKey | `bcs(AnyPublicKey::Ed25519)` = `0x00 0x20 ‖ key` | 64 bytes |
//! | 3 MultiKey | `bcs(MultiKey { public_keys: vector<AnyPublicKey>, signatures_required: u8 })` | `bcs(MultiKeySignature { signatures: vector<AnySignature>, bitmap: vector<u8> })` |
//!
//! The authentication key is `sha3_256(public key bytes ‖ scheme)`; an
//! account that never rotated its key lives at that address. Only Ed25519
//! keys sign here; a MultiKey may hold other keys (a keyless or secp256k1
//! key, kept as their `AnyPublicKey` BCS) as long as its Ed25519 keys meet
//! the threshold.

use aptos_sdk::crypto::{Ed25519PublicKey, Ed25519Signature};
use aptos_sdk::types::AccountAddress;
use sha3::{Digest, Sha3_256};

/// Scheme byte of a legacy single Ed25519 key.
pub const SCHEME_ED25519: u8 = 0;
/// Scheme byte of a SingleKey account.
pub const SCHEME_SINGLE_KEY: u8 = 2;
/// Scheme byte of a MultiKey account.
pub const SCHEME_MULTI_KEY: u8 = 3;

/// One key of a MultiKey: an Ed25519 key, or another `AnyPublicKey` as its
/// BCS bytes (variant byte included).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnyPublicKey {
    /// `AnyPublicKey::Ed25519`.
    Ed25519(Ed25519PublicKey),
    /// Any other variant, BCS-encoded.
    Other(Vec<u8>),
}

impl AnyPublicKey {
    fn bcs(&self) -> Vec<u8> {
        match self {
            Self::Ed25519(pk) => [&[0u8, 32][..], &pk.to_bytes()].concat(),
            Self::Other(b) => b.clone(),
        }
    }
}

/// A MultiKey signature that cannot be assembled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MultiKeyError {
    /// A signer index past the keys, a non-Ed25519 key, or a repeated index.
    #[error("key {index} of the MultiKey cannot sign here: {reason}")]
    Signer {
        /// The key's index.
        index: usize,
        /// Why.
        reason: &'static str,
    },
    /// Fewer signatures than the MultiKey requires.
    #[error("{given} signatures, the MultiKey requires {required}")]
    TooFew {
        /// Signatures given.
        given: usize,
        /// `signatures_required`.
        required: u8,
    },
}

/// The key an account signs with, in one of the schemes above.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountKey {
    /// Scheme 0.
    Ed25519(Ed25519PublicKey),
    /// Scheme 2, an Ed25519 key.
    SingleKey(Ed25519PublicKey),
    /// Scheme 3.
    MultiKey {
        /// The keys, in order (at most 32).
        keys: Vec<AnyPublicKey>,
        /// How many must sign (1 ..= keys).
        signatures_required: u8,
    },
}

impl AccountKey {
    /// The scheme byte.
    pub fn scheme(&self) -> u8 {
        match self {
            Self::Ed25519(_) => SCHEME_ED25519,
            Self::SingleKey(_) => SCHEME_SINGLE_KEY,
            Self::MultiKey { .. } => SCHEME_MULTI_KEY,
        }
    }

    /// The public key bytes the contract takes for this scheme.
    pub fn public_key_bytes(&self) -> Vec<u8> {
        match self {
            Self::Ed25519(pk) => pk.to_bytes().to_vec(),
            Self::SingleKey(pk) => AnyPublicKey::Ed25519(*pk).bcs(),
            Self::MultiKey {
                keys,
                signatures_required,
            } => {
                let mut out = uleb(keys.len());
                keys.iter().for_each(|k| out.extend(k.bcs()));
                out.push(*signatures_required);
                out
            }
        }
    }

    /// `sha3_256(public key bytes ‖ scheme)`.
    pub fn authentication_key(&self) -> [u8; 32] {
        let mut h = Sha3_256::new();
        h.update(self.public_key_bytes());
        h.update([self.scheme()]);
        h.finalize().into()
    }

    /// The address of an account with this key that never rotated it.
    pub fn address(&self) -> AccountAddress {
        AccountAddress::new(self.authentication_key())
    }

    /// The signature bytes for this scheme from Ed25519 signatures of the
    /// signing keys (`(key index, signature)`; any order; one key for
    /// schemes 0 and 2, whose index is ignored).
    pub fn signature_bytes(
        &self,
        signatures: &[(usize, Ed25519Signature)],
    ) -> Result<Vec<u8>, MultiKeyError> {
        let Self::MultiKey {
            keys,
            signatures_required,
        } = self
        else {
            let (_, sig) = signatures.first().ok_or(MultiKeyError::TooFew {
                given: 0,
                required: 1,
            })?;
            return Ok(sig.to_bytes().to_vec());
        };
        let mut sorted = signatures.to_vec();
        sorted.sort_by_key(|(i, _)| *i);
        let mut bitmap = [0u8; 4];
        for (n, (i, _)) in sorted.iter().enumerate() {
            let reason = if *i >= keys.len() {
                Some("no such key")
            } else if !matches!(keys[*i], AnyPublicKey::Ed25519(_)) {
                Some("not an Ed25519 key")
            } else if n > 0 && sorted[n - 1].0 == *i {
                Some("signed twice")
            } else {
                None
            };
            if let Some(reason) = reason {
                return Err(MultiKeyError::Signer { index: *i, reason });
            }
            bitmap[i / 8] |= 0x80 >> (i % 8);
        }
        if sorted.len() < usize::from(*signatures_required) {
            return Err(MultiKeyError::TooFew {
                given: sorted.len(),
                required: *signatures_required,
            });
        }
        let mut out = uleb(sorted.len());
        for (_, sig) in &sorted {
            out.extend([0u8, 64]);
            out.extend(sig.to_bytes());
        }
        out.push(4);
        out.extend(bitmap);
        Ok(out)
    }
}

fn uleb(mut n: usize) -> Vec<u8> {
    let mut out = vec![];
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return out;
        }
        out.push(b | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aptos_sdk::crypto::Ed25519PrivateKey;

    fn pk(b: u8) -> Ed25519PublicKey {
        Ed25519PrivateKey::from_bytes(&[b; 32])
            .unwrap()
            .public_key()
    }

    #[test]
    fn legacy_key_matches_the_sdk() {
        let k = AccountKey::Ed25519(pk(1));
        assert_eq!(k.authentication_key(), pk(1).to_authentication_key());
        assert_eq!(k.public_key_bytes().len(), 32);
    }

    #[test]
    fn single_key_layout() {
        let k = AccountKey::SingleKey(pk(1));
        let b = k.public_key_bytes();
        assert_eq!(&b[..2], &[0, 32]);
        assert_eq!(b.len(), 34);
        assert_ne!(k.address(), AccountKey::Ed25519(pk(1)).address());
    }

    #[test]
    fn multi_key_signatures() {
        let key = AccountKey::MultiKey {
            keys: vec![
                AnyPublicKey::Ed25519(pk(5)),
                AnyPublicKey::Other(vec![1, 2, 0xaa, 0xbb]),
                AnyPublicKey::Ed25519(pk(6)),
            ],
            signatures_required: 2,
        };
        let b = key.public_key_bytes();
        assert_eq!(b[0], 3);
        assert_eq!(*b.last().unwrap(), 2);
        assert_eq!(b.len(), 1 + 34 + 4 + 34 + 1);
        let s = Ed25519Signature::from_bytes(&[9; 64]).unwrap();
        let sig = key.signature_bytes(&[(2, s), (0, s)]).unwrap();
        assert_eq!(sig[0], 2);
        assert_eq!(&sig[sig.len() - 5..], &[4, 0b1010_0000, 0, 0, 0]);
        assert!(matches!(
            key.signature_bytes(&[(1, s), (0, s)]),
            Err(MultiKeyError::Signer { index: 1, .. })
        ));
        assert!(matches!(
            key.signature_bytes(&[(0, s)]),
            Err(MultiKeyError::TooFew {
                given: 1,
                required: 2
            })
        ));
        assert!(matches!(
            key.signature_bytes(&[(0, s), (0, s)]),
            Err(MultiKeyError::Signer { index: 0, .. })
        ));
    }
}

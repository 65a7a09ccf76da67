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
    /// `AnyPublicKey::Ed25519`: the key's 32 bytes (any bytes, as on chain:
    /// a point that does not decode simply verifies nothing).
    Ed25519([u8; 32]),
    /// Any other variant, BCS-encoded.
    Other(Vec<u8>),
}

impl AnyPublicKey {
    fn bcs(&self) -> Vec<u8> {
        match self {
            Self::Ed25519(pk) => [&[0u8, 32][..], pk].concat(),
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

/// Key or signature bytes the contract refuses: each variant is the
/// `offer_auth` abort of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// `EUnknownScheme`: not 0, 2 or 3.
    #[error("key scheme {0} is not 0 (Ed25519), 2 (SingleKey) or 3 (MultiKey)")]
    UnknownScheme(u8),
    /// `EMalformedPublicKey`.
    #[error("the public key bytes do not parse for their scheme")]
    MalformedPublicKey,
    /// `EMalformedSignature`.
    #[error("the signature bytes do not parse for their scheme")]
    MalformedSignature,
    /// `EUnsupportedKey`: only Ed25519 keys sign here.
    #[error("a key or signature type the contract cannot verify (only Ed25519 signs)")]
    UnsupportedKey,
}

impl KeyError {
    /// The name of the `offer_auth` abort constant.
    pub fn abort_name(&self) -> &'static str {
        match self {
            Self::UnknownScheme(_) => "EUnknownScheme",
            Self::MalformedPublicKey => "EMalformedPublicKey",
            Self::MalformedSignature => "EMalformedSignature",
            Self::UnsupportedKey => "EUnsupportedKey",
        }
    }
}

/// Reads BCS the way `offer_auth` does: ULEB128 lengths, byte strings.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    err: KeyError,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, KeyError> {
        let b = *self.bytes.get(self.at).ok_or(self.err)?;
        self.at += 1;
        Ok(b)
    }

    fn uleb(&mut self) -> Result<usize, KeyError> {
        let (mut value, mut shift) = (0usize, 0);
        loop {
            if shift >= 28 {
                return Err(self.err);
            }
            let b = self.byte()?;
            value |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
        }
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], KeyError> {
        let end = self
            .at
            .checked_add(len)
            .filter(|e| *e <= self.bytes.len())
            .ok_or(self.err)?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn bytes(&mut self) -> Result<&'a [u8], KeyError> {
        let len = self.uleb()?;
        self.take(len)
    }

    fn done(&self) -> bool {
        self.at == self.bytes.len()
    }
}

fn ed25519_key(bytes: &[u8]) -> Result<[u8; 32], KeyError> {
    bytes.try_into().map_err(|_| KeyError::MalformedPublicKey)
}

/// The key an account signs with, in one of the schemes above.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountKey {
    /// Scheme 0, the key's bytes.
    Ed25519([u8; 32]),
    /// Scheme 2, an Ed25519 key's bytes.
    SingleKey([u8; 32]),
    /// Scheme 3.
    MultiKey {
        /// The keys, in order (at most 32).
        keys: Vec<AnyPublicKey>,
        /// How many must sign (1 ..= keys).
        signatures_required: u8,
    },
}

impl AccountKey {
    /// Parses public key bytes of `scheme` as the contract does.
    pub fn from_bytes(scheme: u8, bytes: &[u8]) -> Result<Self, KeyError> {
        match scheme {
            SCHEME_ED25519 if bytes.len() == 32 => Ok(Self::Ed25519(ed25519_key(bytes)?)),
            SCHEME_ED25519 => Err(KeyError::MalformedPublicKey),
            SCHEME_SINGLE_KEY => match bytes {
                [0, 32, key @ ..] if key.len() == 32 => Ok(Self::SingleKey(ed25519_key(key)?)),
                [v, ..] if *v != 0 => Err(KeyError::UnsupportedKey),
                _ => Err(KeyError::MalformedPublicKey),
            },
            SCHEME_MULTI_KEY => Self::multi_from_bytes(bytes),
            other => Err(KeyError::UnknownScheme(other)),
        }
    }

    fn multi_from_bytes(bytes: &[u8]) -> Result<Self, KeyError> {
        let mut r = Reader {
            bytes,
            at: 0,
            err: KeyError::MalformedPublicKey,
        };
        let n = r.uleb()?;
        if n == 0 || n > 32 {
            return Err(KeyError::MalformedPublicKey);
        }
        let mut keys = Vec::with_capacity(n);
        for _ in 0..n {
            let start = r.at;
            match r.byte()? {
                0 => {
                    let key = r.bytes()?;
                    if key.len() != 32 {
                        return Err(KeyError::MalformedPublicKey);
                    }
                    keys.push(AnyPublicKey::Ed25519(ed25519_key(key)?));
                    continue;
                }
                // Secp256k1, Secp256r1: one byte string; keyless: two; federated keyless: 32 bytes and two.
                1 | 2 => drop(r.bytes()?),
                3 => drop((r.bytes()?, r.bytes()?)),
                4 => drop((r.take(32)?, r.bytes()?, r.bytes()?)),
                _ => return Err(KeyError::UnsupportedKey),
            }
            keys.push(AnyPublicKey::Other(bytes[start..r.at].to_vec()));
        }
        let required = r.byte()?;
        if !r.done() || required == 0 || usize::from(required) > n {
            return Err(KeyError::MalformedPublicKey);
        }
        Ok(Self::MultiKey {
            keys,
            signatures_required: required,
        })
    }

    /// Whether `signature` (bytes of this scheme) signs `message`, as
    /// `offer_auth::verify` decides it: `Ok(false)` for a signature that does
    /// not verify or too few signers, an error where the contract aborts.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> Result<bool, KeyError> {
        let one = |pk: &[u8; 32], sig: &[u8]| -> Result<bool, KeyError> {
            if sig.len() != 64 {
                return Err(KeyError::MalformedSignature);
            }
            let (Ok(pk), Ok(sig)) = (
                Ed25519PublicKey::from_bytes(pk),
                Ed25519Signature::from_bytes(sig),
            ) else {
                return Ok(false);
            };
            Ok(crate::messages::verify_strict("offer", message, &pk, &sig).is_ok())
        };
        let (keys, required) = match self {
            Self::Ed25519(pk) | Self::SingleKey(pk) => return one(pk, signature),
            Self::MultiKey {
                keys,
                signatures_required,
            } => (keys, usize::from(*signatures_required)),
        };
        let mut r = Reader {
            bytes: signature,
            at: 0,
            err: KeyError::MalformedSignature,
        };
        let m = r.uleb()?;
        let mut sigs = vec![];
        for _ in 0..m {
            if r.byte()? != 0 {
                return Err(KeyError::UnsupportedKey);
            }
            let sig = r.bytes()?;
            if sig.len() != 64 {
                return Err(KeyError::MalformedSignature);
            }
            sigs.push(sig);
        }
        let bitmap = r.bytes()?;
        if bitmap.len() > 4 || !r.done() {
            return Err(KeyError::MalformedSignature);
        }
        let signers: Vec<usize> = (0..bitmap.len() * 8)
            .filter(|bit| bitmap[bit / 8] & (0x80 >> (bit % 8)) != 0)
            .collect();
        if signers.iter().any(|i| *i >= keys.len()) || signers.len() != m {
            return Err(KeyError::MalformedSignature);
        }
        if m < required {
            return Ok(false);
        }
        for (i, sig) in signers.into_iter().zip(sigs) {
            let AnyPublicKey::Ed25519(pk) = &keys[i] else {
                return Err(KeyError::UnsupportedKey);
            };
            if !one(pk, sig)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

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
            Self::Ed25519(pk) => pk.to_vec(),
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

    fn pk(b: u8) -> [u8; 32] {
        Ed25519PrivateKey::from_bytes(&[b; 32])
            .unwrap()
            .public_key()
            .to_bytes()
    }

    #[test]
    fn legacy_key_matches_the_sdk() {
        let k = AccountKey::Ed25519(pk(1));
        let sdk_key = Ed25519PrivateKey::from_bytes(&[1; 32])
            .unwrap()
            .public_key();
        assert_eq!(k.authentication_key(), sdk_key.to_authentication_key());
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

    fn secret(b: u8) -> Ed25519PrivateKey {
        Ed25519PrivateKey::from_bytes(&[b; 32]).unwrap()
    }

    fn two_of_three() -> AccountKey {
        AccountKey::MultiKey {
            keys: vec![
                AnyPublicKey::Ed25519(pk(5)),
                AnyPublicKey::Other(hex::decode("014104989c0b76cb563971fdc9bef31ec06c3560f3249d6ee9e5d83c57625596e05f6f631f4d05b3ae518776ee08755a7703e64b2ebc32547504de0b55a142d4ecdf80").unwrap()),
                AnyPublicKey::Ed25519(pk(6)),
            ],
            signatures_required: 2,
        }
    }

    #[test]
    fn parse_round_trips_and_refuses_what_the_contract_refuses() {
        for key in [
            AccountKey::Ed25519(pk(1)),
            AccountKey::SingleKey(pk(1)),
            two_of_three(),
        ] {
            assert_eq!(
                AccountKey::from_bytes(key.scheme(), &key.public_key_bytes()),
                Ok(key.clone())
            );
        }
        let multi = two_of_three().public_key_bytes();
        for (scheme, bytes, err) in [
            (1, pk(1).to_vec(), KeyError::UnknownScheme(1)),
            (0, pk(1)[..31].to_vec(), KeyError::MalformedPublicKey),
            (
                2,
                [&[0u8, 32][..], &pk(1)[..31]].concat(),
                KeyError::MalformedPublicKey,
            ),
            (
                2,
                [&[1u8, 65][..], &[4; 65]].concat(),
                KeyError::UnsupportedKey,
            ),
            (3, multi[..40].to_vec(), KeyError::MalformedPublicKey),
            (
                3,
                [&multi[..multi.len() - 1], &[4]].concat(),
                KeyError::MalformedPublicKey,
            ),
            (3, [&multi[..], &[0]].concat(), KeyError::MalformedPublicKey),
            (3, vec![1, 9, 0, 1], KeyError::UnsupportedKey),
            (3, vec![0, 1], KeyError::MalformedPublicKey),
        ] {
            assert_eq!(
                AccountKey::from_bytes(scheme, &bytes),
                Err(err),
                "{scheme} {bytes:?}"
            );
        }
    }

    #[test]
    fn verify_decides_like_the_contract() {
        let msg = b"offer";
        let (a, b) = (secret(5).sign(msg), secret(6).sign(msg));
        let key = two_of_three();
        let sig = |sigs: &[(usize, Ed25519Signature)]| key.signature_bytes(sigs).unwrap();
        assert_eq!(key.verify(msg, &sig(&[(0, a), (2, b)])), Ok(true));
        assert_eq!(key.verify(b"other", &sig(&[(0, a), (2, b)])), Ok(false));
        // Swapped signatures, and one signer of two required.
        assert_eq!(key.verify(msg, &sig(&[(0, b), (2, a)])), Ok(false));
        let mut one = vec![1u8, 0, 64];
        one.extend(a.to_bytes());
        one.extend([4, 0x80, 0, 0, 0]);
        assert_eq!(key.verify(msg, &one), Ok(false));
        // A bitmap naming the Secp256k1 key, one past the keys, or more signers than signatures.
        let mut two = vec![2u8, 0, 64];
        two.extend(a.to_bytes());
        two.extend([0, 64]);
        two.extend(b.to_bytes());
        let with_bitmap = |bm: u8| [&two[..], &[4, bm, 0, 0, 0]].concat();
        assert_eq!(
            key.verify(msg, &with_bitmap(0xc0)),
            Err(KeyError::UnsupportedKey)
        );
        assert_eq!(
            key.verify(msg, &with_bitmap(0x90)),
            Err(KeyError::MalformedSignature)
        );
        assert_eq!(
            key.verify(msg, &with_bitmap(0xe0)),
            Err(KeyError::MalformedSignature)
        );
        // A minimal bitmap reads the same.
        assert_eq!(key.verify(msg, &[&two[..], &[1, 0xa0]].concat()), Ok(true));
        let single = AccountKey::SingleKey(pk(5));
        assert_eq!(single.verify(msg, &a.to_bytes()), Ok(true));
        assert_eq!(
            single.verify(msg, &a.to_bytes()[..63]),
            Err(KeyError::MalformedSignature)
        );
        // Bytes that are no curve point verify nothing, as on chain.
        assert_eq!(
            AccountKey::Ed25519([0xff; 32]).verify(msg, &a.to_bytes()),
            Ok(false)
        );
    }
}

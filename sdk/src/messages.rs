//! The two messages that are signed off chain and checked on chain with
//! `aptos_std::ed25519::signature_verify_strict_t`: a worker's
//! [`BenchmarkReport`], signed by its registered device key (checked by
//! `attestation::attest`), and a creator's [`AssignmentOffer`] (checked by
//! `escrow::accept_offer`).
//!
//! `signature_verify_strict_t<T>(sig, pk, data)` verifies `sig` over
//! `bcs::to_bytes(&SignedMessage<T> { type_info: type_info::type_of<T>(), inner: data })`.
//! For a `BenchmarkReport` under package `0xcafe` the signed bytes are:
//!
//! | bytes | what |
//! |---|---|
//! | 0..32 | `type_info.account_address`: the package address, 32 bytes big-endian (`0x…cafe`) |
//! | 32 | ULEB128 length of `module_name` (11) |
//! | 33..44 | `b"attestation"` |
//! | 44 | ULEB128 length of `struct_name` (15) |
//! | 45..60 | `b"BenchmarkReport"` |
//! | 60..92 | `worker`: address, 32 bytes |
//! | 92.. | `device_id`: ULEB128 length + bytes |
//! | … | `gpu_model`: ULEB128 length + UTF-8 bytes |
//! | … | `vram_mb`, `bench_version`, `nonce`, `measured_at`: 8 bytes little-endian each |
//! | last | `chain_id`: 1 byte |
//!
//! An `AssignmentOffer` has `module_name` `b"escrow"` (length 6) and
//! `struct_name` `b"AssignmentOffer"` (length 15), so bytes 0..32 are the
//! package, 32 = 6, 33..39 `escrow`, 39 = 15, 40..55 `AssignmentOffer`,
//! then `job` (55..87), `worker` (87..119), `price_per_frame` (119..127),
//! `render_deadline` (127..135), `offer_expires_at` (135..143), `nonce`
//! (143..151), all u64 little-endian, and `chain_id` (151): 152 bytes in all.
//! `tests/vectors/signing.json` pins both layouts with golden bytes and
//! signatures.
//!
//! For an offer the contract also requires the public key to be the
//! creator's current single-key ed25519 authentication key:
//! `sha3_256(pk ‖ 0x00)`, see [`authentication_key`]; for a report, the
//! worker's registered device key (`attestation::device_key_of`).

use aptos_sdk::crypto::{Ed25519PrivateKey, Ed25519PublicKey, Ed25519Signature};
use aptos_sdk::types::AccountAddress;
use serde::{Deserialize, Serialize};

use crate::package::Package;

/// A signature that does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// The public key is not a valid (or is a small-order) ed25519 point.
    #[error("invalid ed25519 public key: {0}")]
    PublicKey(String),
    /// The signature does not verify strictly over the message.
    #[error("the {message} signature does not verify under the given public key")]
    Mismatch {
        /// `module::Struct` of the signed message.
        message: &'static str,
    },
}

/// Move's `aptos_std::type_info::TypeInfo`.
#[derive(Serialize)]
struct TypeInfo {
    account_address: AccountAddress,
    module_name: Vec<u8>,
    struct_name: Vec<u8>,
}

/// Move's `aptos_std::ed25519::SignedMessage<T>`.
#[derive(Serialize)]
struct SignedMessage<'a, T> {
    type_info: TypeInfo,
    inner: &'a T,
}

fn signing_bytes<T: Serialize>(package: &Package, module: &str, name: &str, inner: &T) -> Vec<u8> {
    let msg = SignedMessage {
        type_info: TypeInfo {
            account_address: package.address,
            module_name: module.as_bytes().to_vec(),
            struct_name: name.as_bytes().to_vec(),
        },
        inner,
    };
    aptos_bcs::to_bytes(&msg).expect("BCS of plain structs cannot fail")
}

/// Verifies like Move's `signature_verify_strict`: rejects small-order keys
/// and non-canonical signatures. `message` names what was signed, for the
/// error.
pub fn verify_strict(
    message: &'static str,
    bytes: &[u8],
    public_key: &Ed25519PublicKey,
    signature: &Ed25519Signature,
) -> Result<(), SignatureError> {
    let vk = ed25519_dalek::VerifyingKey::from_bytes(&public_key.to_bytes())
        .map_err(|e| SignatureError::PublicKey(e.to_string()))?;
    if vk.is_weak() {
        return Err(SignatureError::PublicKey("small-order point".into()));
    }
    let sig = ed25519_dalek::Signature::from_bytes(&signature.to_bytes());
    vk.verify_strict(bytes, &sig)
        .map_err(|_| SignatureError::Mismatch { message })
}

/// A private key that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid ed25519 private key: {0}")]
pub struct KeyError(String);

/// An ed25519 private key written as hex (`0x…` or bare) or AIP-80
/// (`ed25519-priv-0x…`), surrounding whitespace ignored: the forms key files
/// and `LUMEN_KEY` take.
pub fn parse_private_key(text: &str) -> Result<Ed25519PrivateKey, KeyError> {
    let t = text.trim();
    let key = if t.starts_with("ed25519-priv-") {
        Ed25519PrivateKey::from_aip80(t)
    } else {
        Ed25519PrivateKey::from_hex(t)
    };
    key.map_err(|e| KeyError(e.to_string()))
}

/// `sha3_256(public_key ‖ 0x00)`: the single-key ed25519 authentication key
/// the contract compares with `account::get_authentication_key(signer)`
/// (and the address of an account that never rotated its key).
pub fn authentication_key(public_key: &Ed25519PublicKey) -> [u8; 32] {
    public_key.to_authentication_key()
}

macro_rules! signed_message {
    ($ty:ident, $module:literal) => {
        impl $ty {
            /// The declaring Move module.
            pub const MODULE: &'static str = $module;
            /// The Move struct name.
            pub const STRUCT: &'static str = stringify!($ty);

            /// The exact bytes `signature_verify_strict_t` checks under
            /// `package` (see the module docs for the layout).
            pub fn signing_bytes(&self, package: &Package) -> Vec<u8> {
                signing_bytes(package, Self::MODULE, Self::STRUCT, self)
            }

            /// BCS of the struct alone (the `inner` part of the signed bytes).
            pub fn bcs(&self) -> Vec<u8> {
                aptos_bcs::to_bytes(self).expect("BCS of plain structs cannot fail")
            }

            /// Signs the message for `package` with an ed25519 key.
            pub fn sign(&self, package: &Package, key: &Ed25519PrivateKey) -> Ed25519Signature {
                key.sign(&self.signing_bytes(package))
            }

            /// Verifies a signature the way the contract does (strict ed25519).
            pub fn verify(
                &self,
                package: &Package,
                public_key: &Ed25519PublicKey,
                signature: &Ed25519Signature,
            ) -> Result<(), SignatureError> {
                verify_strict(
                    concat!($module, "::", stringify!($ty)),
                    &self.signing_bytes(package),
                    public_key,
                    signature,
                )
            }
        }
    };
}

/// A worker's device and its claimed class, signed with the worker's device
/// key; each attester submits it with `attestation::attest` and the score it
/// measured itself (the score is not part of the signed message).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BenchmarkReport {
    /// The worker's account.
    pub worker: AccountAddress,
    /// The device fingerprint (one device, one worker).
    pub device_id: Vec<u8>,
    /// Human-readable GPU model.
    pub gpu_model: String,
    /// Video memory in MiB.
    pub vram_mb: u64,
    /// Version of the benchmark that produced the score.
    pub bench_version: u64,
    /// Strictly rising per worker.
    pub nonce: u64,
    /// When the benchmark ran (seconds).
    pub measured_at: u64,
    /// The chain the report is meant for (`chain_id::get()` on chain).
    pub chain_id: u8,
}
signed_message!(BenchmarkReport, "attestation");

/// A creator's pre-signed offer of a job to one worker, submitted by the
/// worker with `escrow::accept_offer`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentOffer {
    /// The job object's address.
    pub job: AccountAddress,
    /// The worker the offer is for.
    pub worker: AccountAddress,
    /// Agreed price per frame (≤ the job's maximum).
    pub price_per_frame: u64,
    /// The render must be submitted by then (seconds).
    pub render_deadline: u64,
    /// The offer cannot be accepted after this (seconds).
    pub offer_expires_at: u64,
    /// Per-creator nonce, so an offer is accepted once.
    pub nonce: u64,
    /// The chain the offer is meant for.
    pub chain_id: u8,
}
signed_message!(AssignmentOffer, "escrow");

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> Ed25519PrivateKey {
        Ed25519PrivateKey::from_bytes(&[1u8; 32]).unwrap()
    }

    fn offer() -> AssignmentOffer {
        AssignmentOffer {
            job: AccountAddress::from_hex("0x1a").unwrap(),
            worker: AccountAddress::from_hex("0xb0b").unwrap(),
            price_per_frame: 0x0102,
            render_deadline: 3,
            offer_expires_at: 4,
            nonce: 5,
            chain_id: 4,
        }
    }

    #[test]
    fn offer_layout_by_hand() {
        // Assembled from the Move definitions, independently of serde.
        let mut want = Vec::new();
        want.extend_from_slice(Package::DEV.address.as_bytes());
        want.push(6);
        want.extend_from_slice(b"escrow");
        want.push(15);
        want.extend_from_slice(b"AssignmentOffer");
        want.extend_from_slice(offer().job.as_bytes());
        want.extend_from_slice(offer().worker.as_bytes());
        for n in [0x0102u64, 3, 4, 5] {
            want.extend_from_slice(&n.to_le_bytes());
        }
        want.push(4);
        assert_eq!(want.len(), 152);
        assert_eq!(offer().signing_bytes(&Package::DEV), want);
    }

    #[test]
    fn sign_verify_and_tamper() {
        let k = key();
        let pk = k.public_key();
        let sig = offer().sign(&Package::DEV, &k);
        offer().verify(&Package::DEV, &pk, &sig).unwrap();
        let mut other = offer();
        other.price_per_frame += 1;
        assert_eq!(
            other.verify(&Package::DEV, &pk, &sig),
            Err(SignatureError::Mismatch {
                message: "escrow::AssignmentOffer"
            })
        );
        let elsewhere = Package::new(AccountAddress::ONE);
        assert!(offer().verify(&elsewhere, &pk, &sig).is_err());
        let wrong_key = Ed25519PrivateKey::from_bytes(&[2u8; 32])
            .unwrap()
            .public_key();
        assert!(offer().verify(&Package::DEV, &wrong_key, &sig).is_err());
    }

    #[test]
    fn auth_key_is_sha3_of_pk_and_zero() {
        use sha3::{Digest, Sha3_256};
        let pk = key().public_key();
        let mut h = Sha3_256::new();
        h.update(pk.to_bytes());
        h.update([0u8]);
        assert_eq!(authentication_key(&pk).as_slice(), h.finalize().as_slice());
    }
}

//! `offers`: a job handed to a worker through an offer its creator signed
//! with a wallet's `signMessage` (legacy Ed25519, SingleKey and MultiKey
//! creators, with and without the optional header lines) or published on
//! chain by an account with no Ed25519 key at all (keyless, multisig); every
//! tampered envelope field, every abort of `offers` and of `offer_auth`.

use lumen_model::vectors::{Vector, CHAIN_ID};
use lumen_sdk::aptos_sdk::crypto::Ed25519PrivateKey;
use lumen_sdk::aptos_sdk::transaction::EntryFunction;
use lumen_sdk::envelope::{OfferEnvelope, WalletHeader};
use lumen_sdk::errors::{escrow as esc, offer_auth as oa, offers as e};
use lumen_sdk::keys::{AccountKey, AnyPublicKey};
use lumen_sdk::messages::AssignmentOffer;
use lumen_sdk::payloads::{self, escrow, offers};
use lumen_sdk::AccountAddress;

use super::{at, keyed, Keyed, B, P, UNIT};

const FRAMES: u64 = 10;
const MAX_PRICE: u64 = 10_000;
const PRICE: u64 = 8_000;
/// The dapp a wallet names in the `application` line.
const APP: &str = "https://lumen.example";

/// A creator's account key and the private keys that sign for it.
struct Creator {
    key: AccountKey,
    signers: Vec<(usize, Ed25519PrivateKey)>,
}

impl Creator {
    fn private(seed: u8) -> Ed25519PrivateKey {
        Ed25519PrivateKey::from_bytes(&[seed; 32]).expect("32 bytes")
    }

    fn public(seed: u8) -> [u8; 32] {
        Self::private(seed).public_key().to_bytes()
    }

    fn ed25519(seed: u8) -> Self {
        Self {
            key: AccountKey::Ed25519(Self::public(seed)),
            signers: vec![(0, Self::private(seed))],
        }
    }

    fn single_key(seed: u8) -> Self {
        Self {
            key: AccountKey::SingleKey(Self::public(seed)),
            signers: vec![(0, Self::private(seed))],
        }
    }

    /// A 2-of-3 MultiKey (keys `seeds`) signed by keys 0 and 2.
    fn multi_key(seeds: [u8; 3]) -> Self {
        Self {
            key: AccountKey::MultiKey {
                keys: seeds
                    .iter()
                    .map(|s| AnyPublicKey::Ed25519(Self::public(*s)))
                    .collect(),
                signatures_required: 2,
            },
            signers: vec![(0, Self::private(seeds[0])), (2, Self::private(seeds[2]))],
        }
    }

    fn address(&self) -> AccountAddress {
        self.key.address()
    }

    /// The scheme's signature bytes over `text`.
    fn sign(&self, text: &str) -> Vec<u8> {
        let sigs: Vec<_> = self
            .signers
            .iter()
            .map(|(i, k)| (*i, k.sign(text.as_bytes())))
            .collect();
        self.key.signature_bytes(&sigs).expect("enough signers")
    }
}

/// The offer of `job` (job #0 of the vector) to `worker` at `price`, valid
/// for an hour with a two-hour render window from `now`.
fn offer(
    b: &B,
    job: AccountAddress,
    worker: AccountAddress,
    price: u64,
    nonce: u64,
) -> AssignmentOffer {
    AssignmentOffer {
        job,
        worker,
        price_per_frame: price,
        render_deadline: b.now + 7_200,
        offer_expires_at: b.now + 3_600,
        nonce,
        chain_id: CHAIN_ID,
    }
}

/// `offers::accept_offer_envelope` of `envelope` signed by `signer`, sent
/// with `key` (the creator's own key unless the case swaps it).
fn accept(envelope: &OfferEnvelope, key: &AccountKey, signature: &[u8]) -> EntryFunction {
    payloads::accept_envelope_offer(&P, envelope, key, signature)
}

/// A world with `creator` (any account) holding one Open job and an eligible
/// worker; the job's address.
fn open_job(name: &str, about: &str, creator: AccountAddress) -> (B, Keyed, AccountAddress) {
    open_job_with(name, about, creator, None)
}

/// [`open_job`] with a second eligible worker `rival` when given.
fn open_job_with(
    name: &str,
    about: &str,
    creator: AccountAddress,
    rival: Option<&Keyed>,
) -> (B, Keyed, AccountAddress) {
    let worker = keyed(2);
    let mut b = B::world(name, about);
    b.account(creator, 1_000 * UNIT);
    b.account(worker.address, 1_000 * UNIT);
    if let Some(r) = rival {
        b.account(r.address, 1_000 * UNIT);
    }
    b.eligible(&worker, 2_430_000, 8_192, 2 * UNIT, 1);
    if let Some(r) = rival {
        b.eligible(r, 2_430_000, 8_192, 2 * UNIT, 3);
    }
    let id = b.chain().escrow.next_job_id;
    b.ok(
        creator,
        escrow::create_job(&P, &[0xab, id as u8], FRAMES, MAX_PRICE, 0, 0),
    );
    (b, worker, P.job_address(id))
}

/// The envelope of `offer` as the chain rebuilds it, with `header`.
fn envelope(
    b: &B,
    creator: AccountAddress,
    offer: AssignmentOffer,
    header: WalletHeader,
) -> OfferEnvelope {
    let asset = b
        .chain()
        .asset_units(lumen_model::config::get(b.chain()).unwrap().payment_asset);
    let job_id = b.chain().escrow.jobs[&offer.job].job_id;
    OfferEnvelope::new(&P, creator, offer, job_id, asset, header).expect("a well-formed envelope")
}

pub fn cases() -> Vec<Vector> {
    let mut v = wallet_paths();
    v.extend(on_chain_paths());
    v.extend(tampered());
    v.extend(aborts());
    v
}

fn wallet_paths() -> Vec<Vector> {
    let mut v = vec![];
    let kinds = [
        (
            "offers_wallet_ed25519",
            "a legacy Ed25519 creator signs the offer through signMessage with every header line; the worker takes the job",
            Creator::ed25519(1),
            true,
        ),
        (
            "offers_wallet_ed25519_bare",
            "a wallet that writes no address, application or chainId line: the envelope is APTOS, message, nonce",
            Creator::ed25519(1),
            false,
        ),
        (
            "offers_wallet_single_key",
            "a SingleKey (scheme 2) Ed25519 creator signs the offer through its wallet",
            Creator::single_key(4),
            true,
        ),
        (
            "offers_wallet_multi_key",
            "a 2-of-3 MultiKey creator: keys 0 and 2 sign the envelope",
            Creator::multi_key([5, 6, 7]),
            true,
        ),
    ];
    for (name, about, creator, full) in kinds {
        let (mut b, worker, job) = open_job(name, about, creator.address());
        let header = if full {
            WalletHeader::full(creator.address(), APP)
        } else {
            WalletHeader::default()
        };
        let o = offer(&b, job, worker.address, PRICE, 1);
        let env = envelope(&b, creator.address(), o, header);
        let sig = creator.sign(&env.full_message(&P));
        b.ok(worker.address, accept(&env, &creator.key, &sig));
        b.wait(600);
        b.ok(
            worker.address,
            escrow::submit_result(&P, job, FRAMES, &[7; 32]),
        );
        b.ok(creator.address(), escrow::confirm(&P, job, FRAMES));
        v.push(b.done());
    }

    // The envelope's nonce burns like a signed offer's.
    let creator = Creator::ed25519(1);
    let (mut b, worker, job) = open_job(
        "offers_wallet_nonce_burnt",
        "the creator burns the nonce of a wallet-signed offer before the worker takes it",
        creator.address(),
    );
    let env = envelope(
        &b,
        creator.address(),
        offer(&b, job, worker.address, PRICE, 3),
        WalletHeader::full(creator.address(), APP),
    );
    let sig = creator.sign(&env.full_message(&P));
    b.ok(creator.address(), escrow::burn_nonce(&P, 3));
    v.push(b.fails(
        worker.address,
        accept(&env, &creator.key, &sig),
        esc::ENonceUsed,
    ));
    v
}

fn on_chain_paths() -> Vec<Vector> {
    // No Ed25519 key derives this address: a keyless or multisig account.
    let keyless = at(0x5eed);
    let mut v = vec![];

    let (mut b, worker, job) = open_job(
        "offers_on_chain",
        "an account without an Ed25519 key publishes its offer; the worker takes it restating the terms; the job completes",
        keyless,
    );
    let o = offer(&b, job, worker.address, PRICE, 1);
    b.ok(keyless, payloads::publish_offer(&P, &o));
    b.wait(60);
    b.ok(worker.address, payloads::accept_published_offer(&P, &o));
    b.wait(600);
    b.ok(
        worker.address,
        escrow::submit_result(&P, job, FRAMES, &[7; 32]),
    );
    b.ok(keyless, escrow::confirm(&P, job, FRAMES));
    v.push(b.done());

    let (mut b, worker, job) = open_job(
        "offers_on_chain_replaced",
        "publishing again replaces the offer: the first terms no longer bind, the second ones do",
        keyless,
    );
    let first = offer(&b, job, worker.address, MAX_PRICE, 1);
    b.ok(keyless, payloads::publish_offer(&P, &first));
    let second = offer(&b, job, worker.address, PRICE, 2);
    b.ok(keyless, payloads::publish_offer(&P, &second));
    b.ok(
        worker.address,
        payloads::accept_published_offer(&P, &second),
    );
    v.push(b.done());

    let (mut b, worker, job) = open_job(
        "offers_on_chain_withdrawn",
        "the creator withdraws a published offer by burning its nonce; the worker can no longer take it",
        keyless,
    );
    let o = offer(&b, job, worker.address, PRICE, 1);
    b.ok(keyless, payloads::publish_offer(&P, &o));
    b.ok(keyless, escrow::burn_nonce(&P, 1));
    v.push(b.fails(
        worker.address,
        payloads::accept_published_offer(&P, &o),
        esc::ENonceUsed,
    ));

    let (mut b, worker, job) = open_job(
        "offers_on_chain_taken_once",
        "a published offer leaves the creator's store when taken: the job is no longer Open",
        keyless,
    );
    let o = offer(&b, job, worker.address, PRICE, 1);
    b.ok(keyless, payloads::publish_offer(&P, &o));
    b.ok(worker.address, payloads::accept_published_offer(&P, &o));
    v.push(b.fails(
        worker.address,
        payloads::accept_published_offer(&P, &o),
        esc::EWrongStatus,
    ));
    v
}

/// Each term the contract rebuilds, changed after the creator signed: the
/// signature no longer verifies.
fn tampered() -> Vec<Vector> {
    let creator = Creator::ed25519(1);
    let other = keyed(3);
    let mut v = vec![];
    let signed = |name: &str, about: &str| {
        let (b, worker, job) = open_job_with(name, about, creator.address(), Some(&other));
        let o = offer(&b, job, worker.address, PRICE, 1);
        let env = envelope(
            &b,
            creator.address(),
            o,
            WalletHeader::full(creator.address(), APP),
        );
        let sig = creator.sign(&env.full_message(&P));
        (b, worker, env, sig)
    };

    let (b, worker, mut env, sig) = signed(
        "offers_tampered_price",
        "the worker restates a higher price than the creator signed",
    );
    env.offer.price_per_frame = MAX_PRICE;
    v.push(b.fails(
        worker.address,
        accept(&env, &creator.key, &sig),
        e::EBadSignature,
    ));

    let (b, _, env, sig) = signed(
        "offers_tampered_worker",
        "another eligible worker sends the envelope signed for the first one",
    );
    v.push(b.fails(
        other.address,
        accept(&env, &creator.key, &sig),
        e::EBadSignature,
    ));

    let (b, worker, mut env, _) = signed(
        "offers_tampered_chain_id",
        "an envelope signed for another chain (chainId 5) does not verify on this one",
    );
    env.offer.chain_id = CHAIN_ID + 1;
    let sig = creator.sign(&env.full_message(&P));
    env.offer.chain_id = CHAIN_ID;
    v.push(b.fails(
        worker.address,
        accept(&env, &creator.key, &sig),
        e::EBadSignature,
    ));

    let (b, worker, mut env, sig) = signed(
        "offers_tampered_application",
        "the envelope is restated with another application than the wallet signed",
    );
    env.header.application = Some("https://evil.example".into());
    v.push(b.fails(
        worker.address,
        accept(&env, &creator.key, &sig),
        e::EBadSignature,
    ));

    let (b, worker, mut env, sig) = signed(
        "offers_tampered_header_dropped",
        "the chainId line the wallet wrote is left out",
    );
    env.header.chain_id = false;
    v.push(b.fails(
        worker.address,
        accept(&env, &creator.key, &sig),
        e::EBadSignature,
    ));

    let (b, worker, mut env, sig) = signed(
        "offers_tampered_deadline",
        "the worker restates a later render deadline than the creator signed",
    );
    env.offer.render_deadline += 1;
    v.push(b.fails(
        worker.address,
        accept(&env, &creator.key, &sig),
        e::EBadSignature,
    ));
    v
}

fn aborts() -> Vec<Vector> {
    let keyless = at(0x5eed);
    let outsider = at(0xbad);
    let creator = Creator::ed25519(1);
    let mut v = vec![];

    // offers
    let (b, worker, job) = open_job(
        "offers_publish_not_creator",
        "only the job's creator publishes an offer for it",
        keyless,
    );
    let o = offer(&b, job, worker.address, PRICE, 1);
    v.push(b.fails(outsider, payloads::publish_offer(&P, &o), e::ENotCreator));

    let (b, worker, job) = open_job(
        "offers_nothing_published",
        "a worker cannot take an offer the creator never published",
        keyless,
    );
    let o = offer(&b, job, worker.address, PRICE, 1);
    v.push(b.fails(
        worker.address,
        payloads::accept_published_offer(&P, &o),
        e::ENoPublishedOffer,
    ));

    let (mut b, worker, job) = open_job(
        "offers_published_terms_differ",
        "the worker restates a higher price than the creator published",
        keyless,
    );
    let o = offer(&b, job, worker.address, PRICE, 1);
    b.ok(keyless, payloads::publish_offer(&P, &o));
    let higher = AssignmentOffer {
        price_per_frame: MAX_PRICE,
        ..o
    };
    v.push(b.fails(
        worker.address,
        payloads::accept_published_offer(&P, &higher),
        e::EOfferMismatch,
    ));

    let other = keyed(3);
    let (mut b, worker, job) = open_job_with(
        "offers_published_for_another_worker",
        "an eligible worker cannot take an offer published for another one",
        keyless,
        Some(&other),
    );
    let o = offer(&b, job, worker.address, PRICE, 1);
    b.ok(keyless, payloads::publish_offer(&P, &o));
    let theirs = AssignmentOffer {
        worker: other.address,
        ..o
    };
    v.push(b.fails(
        other.address,
        payloads::accept_published_offer(&P, &theirs),
        e::EOfferMismatch,
    ));

    let (b, worker, job) = open_job(
        "offers_wallet_wrong_key",
        "an envelope signed by a key that is not the creator's authentication key",
        creator.address(),
    );
    let impostor = Creator::ed25519(9);
    let env = envelope(
        &b,
        creator.address(),
        offer(&b, job, worker.address, PRICE, 1),
        WalletHeader::full(creator.address(), APP),
    );
    let sig = impostor.sign(&env.full_message(&P));
    v.push(b.fails(
        worker.address,
        accept(&env, &impostor.key, &sig),
        e::EWrongPublicKey,
    ));

    let (b, worker, job) = open_job(
        "offers_wallet_keyless_creator",
        "a creator whose authentication key no Ed25519 key derives cannot sign a wallet offer (it publishes instead)",
        keyless,
    );
    let env = envelope(
        &b,
        keyless,
        offer(&b, job, worker.address, PRICE, 1),
        WalletHeader::default(),
    );
    let sig = creator.sign(&env.full_message(&P));
    v.push(b.fails(
        worker.address,
        accept(&env, &creator.key, &sig),
        e::EWrongPublicKey,
    ));

    // offer_auth, reached through accept_offer_envelope.
    let wallet = |name: &str, about: &str| {
        let (b, worker, job) = open_job(name, about, creator.address());
        let env = envelope(
            &b,
            creator.address(),
            offer(&b, job, worker.address, PRICE, 1),
            WalletHeader::full(creator.address(), APP),
        );
        let sig = creator.sign(&env.full_message(&P));
        (b, worker, env, sig)
    };
    let raw = |env: &OfferEnvelope, scheme: u8, key: &[u8], sig: &[u8]| {
        let o = &env.offer;
        offers::accept_offer_envelope(
            &P,
            o.job,
            o.price_per_frame,
            o.render_deadline,
            o.offer_expires_at,
            o.nonce,
            env.header.address.as_deref().unwrap_or(""),
            env.header.application.as_deref().unwrap_or(""),
            env.header.chain_id,
            scheme,
            key,
            sig,
        )
    };
    let pk = creator.key.public_key_bytes();

    let (b, worker, mut env, sig) = wallet(
        "offers_wallet_application_line_break",
        "an application text with a line break would forge another envelope line",
    );
    env.header.application = Some(format!("{APP}\nchainId: 4"));
    v.push(b.fails(
        worker.address,
        accept(&env, &creator.key, &sig),
        oa::EHeaderLineBreak,
    ));

    let (b, worker, mut env, sig) = wallet(
        "offers_wallet_foreign_address",
        "the envelope's address line names another account than the creator",
    );
    env.header.address = Some(outsider.to_hex());
    v.push(b.fails(
        worker.address,
        accept(&env, &creator.key, &sig),
        oa::EHeaderAddress,
    ));

    let (b, worker, env, sig) = wallet(
        "offers_wallet_unknown_scheme",
        "key scheme 1 (MultiEd25519) is not one an offer is signed with",
    );
    v.push(b.fails(worker.address, raw(&env, 1, &pk, &sig), oa::EUnknownScheme));

    let (b, worker, env, sig) = wallet(
        "offers_wallet_short_public_key",
        "an Ed25519 public key of 31 bytes",
    );
    v.push(b.fails(
        worker.address,
        raw(&env, 0, &pk[..31], &sig),
        oa::EMalformedPublicKey,
    ));

    let (b, worker, env, sig) = wallet(
        "offers_wallet_short_signature",
        "an Ed25519 signature of 63 bytes",
    );
    v.push(b.fails(
        worker.address,
        raw(&env, 0, &pk, &sig[..63]),
        oa::EMalformedSignature,
    ));

    let (b, worker, env, sig) = wallet(
        "offers_wallet_unsupported_key",
        "a SingleKey whose key is not Ed25519 (variant 1, Secp256k1)",
    );
    let secp = [&[1u8, 65][..], &[4u8; 65][..]].concat();
    v.push(b.fails(
        worker.address,
        raw(&env, 2, &secp, &sig),
        oa::EUnsupportedKey,
    ));
    v
}

//! `offers`: the wallet-signed and the on-chain ways to hand a job to a
//! worker. Both run `escrow::check_offer` and `escrow::assign` like
//! `accept_offer`; the wallet path rebuilds the offer's `signMessage`
//! envelope (`lumen_sdk::envelope`) and checks the creator's key of any
//! Ed25519 scheme (`lumen_sdk::keys`), the on-chain path keeps the creator's
//! published offers.

use std::collections::BTreeMap;

use lumen_sdk::envelope::{EnvelopeError, OfferEnvelope, WalletHeader};
use lumen_sdk::errors::{offer_auth as oa, offers as e};
use lumen_sdk::events::{LumenEvent, OfferPublished};
use lumen_sdk::keys::{AccountKey, KeyError};
use lumen_sdk::messages::AssignmentOffer;
use lumen_sdk::payloads::offers::Call;
use lumen_sdk::views::PublishedOffer;
use lumen_sdk::{AccountAddress, OfferKind};

use crate::escrow::{self, assign, check_offer};
use crate::{config, ensure, Abort, Chain, Outcome, Tx};

/// Every creator's published offers, by creator then job.
#[derive(Clone, Debug, Default)]
pub struct State {
    /// `PublishedOffers` resources.
    pub published: BTreeMap<AccountAddress, BTreeMap<AccountAddress, PublishedOffer>>,
}

/// `offers::published_offer` of an existing job.
pub fn published_offer(c: &Chain, job: AccountAddress) -> Option<PublishedOffer> {
    let creator = c.escrow.jobs.get(&job)?.creator;
    c.offers.published.get(&creator)?.get(&job).cloned()
}

fn key_abort(err: KeyError) -> Abort {
    Abort::Code(match err {
        KeyError::UnknownScheme(_) => oa::EUnknownScheme,
        KeyError::MalformedPublicKey => oa::EMalformedPublicKey,
        KeyError::MalformedSignature => oa::EMalformedSignature,
        KeyError::UnsupportedKey => oa::EUnsupportedKey,
    })
}

/// The offer to `worker` of `job` on `(price_per_frame, render_deadline,
/// offer_expires_at, nonce)`, checked as every acceptance checks it (the job
/// exists, not paused, then `escrow::check_offer`); with the job's creator and
/// number.
fn checked_offer(
    c: &Chain,
    now: u64,
    job: AccountAddress,
    worker: AccountAddress,
    terms: [&u64; 4],
) -> Result<(AssignmentOffer, AccountAddress, u64), Abort> {
    let job_id = escrow::job(c, job)?.job_id;
    config::assert_not_paused(c)?;
    let [price_per_frame, render_deadline, offer_expires_at, nonce] = terms.map(|t| *t);
    let offer = AssignmentOffer {
        job,
        worker,
        price_per_frame,
        render_deadline,
        offer_expires_at,
        nonce,
        chain_id: c.chain_id,
    };
    let creator = check_offer(c, now, &offer)?;
    Ok((offer, creator, job_id))
}

fn text(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// Executes an `offers` entry function.
pub fn execute(c: &mut Chain, tx: &Tx, call: &Call) -> Outcome {
    match call {
        Call::AcceptOfferEnvelope {
            job: address,
            price_per_frame,
            render_deadline,
            offer_expires_at,
            nonce,
            wallet_address,
            wallet_application,
            wallet_chain_id,
            key_scheme,
            creator_public_key,
            creator_signature,
        } => {
            let terms = [price_per_frame, render_deadline, offer_expires_at, nonce];
            let (offer, creator, job_id) = checked_offer(c, tx.now, *address, tx.sender, terms)?;
            let header = WalletHeader {
                address: text(wallet_address),
                application: text(wallet_application),
                chain_id: *wallet_chain_id,
            };
            let asset = c.asset_units(config::get(c)?.payment_asset);
            let envelope =
                OfferEnvelope::new(&c.package, creator, offer.clone(), job_id, asset, header)
                    .map_err(|err| {
                        Abort::Code(match err {
                            EnvelopeError::AddressMismatch { .. } => oa::EHeaderAddress,
                            _ => oa::EHeaderLineBreak,
                        })
                    })?;
            let key = AccountKey::from_bytes(*key_scheme, creator_public_key).map_err(key_abort)?;
            ensure(
                c.ledger.auth_key(creator) == Some(key.authentication_key()),
                e::EWrongPublicKey,
            )?;
            let text = envelope.full_message(&c.package);
            let valid = key
                .verify(text.as_bytes(), creator_signature)
                .map_err(key_abort)?;
            ensure(valid, e::EBadSignature)?;
            assign(c, tx.now, &offer, OfferKind::WalletEnvelope)
        }
        Call::PublishOffer {
            job: address,
            worker,
            price_per_frame,
            render_deadline,
            offer_expires_at,
            nonce,
        } => {
            let terms = [price_per_frame, render_deadline, offer_expires_at, nonce];
            let (_, creator, job_id) = checked_offer(c, tx.now, *address, *worker, terms)?;
            ensure(tx.sender == creator, e::ENotCreator)?;
            let published = PublishedOffer {
                worker: *worker,
                price_per_frame: *price_per_frame,
                render_deadline: *render_deadline,
                offer_expires_at: *offer_expires_at,
                nonce: *nonce,
                published_at: tx.now,
            };
            c.offers
                .published
                .entry(creator)
                .or_default()
                .insert(*address, published);
            Ok(vec![LumenEvent::OfferPublished(OfferPublished {
                job: *address,
                job_id,
                creator,
                worker: *worker,
                price_per_frame: *price_per_frame,
                render_deadline: *render_deadline,
                offer_expires_at: *offer_expires_at,
                nonce: *nonce,
                published_at: tx.now,
            })])
        }
        Call::AcceptPublishedOffer {
            job: address,
            price_per_frame,
            render_deadline,
            offer_expires_at,
            nonce,
        } => {
            let terms = [price_per_frame, render_deadline, offer_expires_at, nonce];
            let (offer, creator, _) = checked_offer(c, tx.now, *address, tx.sender, terms)?;
            let p = published_offer(c, *address).ok_or(Abort::Code(e::ENoPublishedOffer))?;
            ensure(
                (
                    p.worker,
                    p.price_per_frame,
                    p.render_deadline,
                    p.offer_expires_at,
                    p.nonce,
                ) == (
                    offer.worker,
                    offer.price_per_frame,
                    offer.render_deadline,
                    offer.offer_expires_at,
                    offer.nonce,
                ),
                e::EOfferMismatch,
            )?;
            let out = assign(c, tx.now, &offer, OfferKind::OnChain)?;
            if let Some(mine) = c.offers.published.get_mut(&creator) {
                mine.remove(address);
            }
            Ok(out)
        }
    }
}

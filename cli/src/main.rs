//! `lumen`: the command line of a creator's (or worker's) operator.
//!
//! Creates jobs, signs assignment offers, accepts them, submits, confirms,
//! reclaims, cancels and finalizes, with the payloads of `lumen_sdk`;
//! `lumen job …` (module `job`) runs a render job through the board.
//! `--dry-run` prints the signed transaction (hex BCS and JSON) instead of
//! sending it; with `--sequence-number` and `--chain-id` it needs no node;
//! without a key it prints the call as a wallet takes it
//! (`{function, typeArguments, functionArguments}`). `sign-offer
//! --wallet-envelope` prints what a wallet's `signMessage` is asked to sign;
//! `accept` takes either kind of signed offer; `offer-onchain` and
//! `accept-published` are the path of creators whose account cannot sign
//! messages (keyless, multisig); `interface` prints the package's interface
//! tables as JSON.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, bail, Context, Result};
use aptos_sdk::account::Ed25519Account;
use aptos_sdk::crypto::{Ed25519PrivateKey, Ed25519PublicKey, Ed25519Signature};
use aptos_sdk::transaction::{EntryFunction, SignedTransaction};
use aptos_sdk::types::{AccountAddress, ChainId};
use clap::{Args, Parser, Subcommand};
use lumen_sdk::envelope::{AssetUnits, OfferEnvelope, WalletHeader};
use lumen_sdk::keys::{AccountKey, SCHEME_ED25519};
use lumen_sdk::messages::AssignmentOffer;
use lumen_sdk::movejson::MoveJson;
use lumen_sdk::tx::{self, LumenClient, TxnOptions};
use lumen_sdk::{payloads, Package};
use serde_json::{json, Value};

mod job;

/// Command-line tool for Lumen creators and workers.
#[derive(Parser, Debug)]
#[command(name = "lumen", version, about)]
struct Cli {
    /// Fullnode REST URL, ending in /v1.
    #[arg(long, env = "LUMEN_NODE_URL", global = true)]
    node_url: Option<String>,
    /// Address the Lumen package is published at.
    #[arg(long, env = "LUMEN_PACKAGE", global = true)]
    package: Option<Package>,
    /// File holding the signer's ed25519 private key (hex or AIP-80).
    #[arg(long, global = true)]
    key_file: Option<PathBuf>,
    /// The signer's private key itself (hex or AIP-80); prefer --key-file.
    #[arg(long, env = "LUMEN_KEY", hide_env_values = true, global = true)]
    key: Option<String>,
    /// The sender's address, when its key was rotated (default: derived from the key).
    #[arg(long, global = true)]
    sender: Option<AccountAddress>,
    /// A fee payer's private key (hex or AIP-80): send as a sponsored transaction.
    #[arg(
        long,
        env = "LUMEN_FEE_PAYER_KEY",
        hide_env_values = true,
        global = true
    )]
    fee_payer_key: Option<String>,
    /// Chain id (default: asked from the node).
    #[arg(long, global = true)]
    chain_id: Option<u8>,
    /// Sequence number (default: asked from the node).
    #[arg(long, global = true)]
    sequence_number: Option<u64>,
    /// Maximum gas units.
    #[arg(long, default_value_t = 200_000, global = true)]
    max_gas: u64,
    /// Gas unit price in octas.
    #[arg(long, default_value_t = 100, global = true)]
    gas_price: u64,
    /// Seconds until the transaction expires.
    #[arg(long, default_value_t = 60, global = true)]
    expires_in: u64,
    /// Print the signed transaction (hex BCS and JSON) instead of sending it;
    /// without a key, the call as wallet JSON {function, typeArguments, functionArguments}.
    #[arg(long, global = true)]
    dry_run: bool,
    /// What to do.
    #[command(subcommand)]
    command: Command,
}

/// A job, as `0x…` object address or decimal job id.
#[derive(Args, Debug)]
struct JobArg {
    /// The job: its object address (0x…) or its job id (decimal).
    #[arg(long)]
    job: String,
}

/// What a job asks of its worker, as `create-job` and `job submit` take it.
#[derive(Args, Debug)]
struct WorkerNeeds {
    /// Minimum worker score (micro-units).
    #[arg(long, default_value_t = 0)]
    min_score: u64,
    /// Minimum worker VRAM in MiB.
    #[arg(long, default_value_t = 0)]
    min_vram_mb: u64,
}

/// An offer's job and terms, as `sign-offer` and `offer-onchain` take them.
#[derive(Args, Debug)]
struct OfferTerms {
    #[command(flatten)]
    job: JobArg,
    /// The worker the offer is for.
    #[arg(long)]
    worker: AccountAddress,
    /// Price per frame (≤ the job's maximum).
    #[arg(long)]
    price_per_frame: u64,
    /// Unix time by which the result must be submitted.
    #[arg(long)]
    render_deadline: u64,
    /// Unix time after which the offer cannot be accepted (default: in 1 hour).
    #[arg(long)]
    offer_expires_at: Option<u64>,
    /// Offer nonce (default: the current Unix time in microseconds).
    #[arg(long)]
    nonce: Option<u64>,
}

impl OfferTerms {
    /// The offer of these terms on `chain_id`.
    fn offer(&self, cli: &Cli, chain_id: u8) -> Result<AssignmentOffer> {
        Ok(AssignmentOffer {
            job: cli.job(&self.job)?,
            worker: self.worker,
            price_per_frame: self.price_per_frame,
            render_deadline: self.render_deadline,
            offer_expires_at: self.offer_expires_at.unwrap_or(now_secs() + 3_600),
            nonce: self.nonce.unwrap_or_else(default_nonce),
            chain_id,
        })
    }
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Create and fund a render job (deposit = frames × max price per frame).
    CreateJob {
        /// Hash of the job's spec (hex, e.g. sha-256 of the .blend and settings).
        #[arg(long)]
        spec_hash: String,
        /// Frames to render.
        #[arg(long)]
        frames: u64,
        /// Highest price per frame the creator pays (base units).
        #[arg(long)]
        max_price_per_frame: u64,
        #[command(flatten)]
        needs: WorkerNeeds,
    },
    /// Sign an assignment offer for a worker (creator's key); prints it as JSON.
    SignOffer {
        #[command(flatten)]
        terms: OfferTerms,
        /// Write the offer here instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Build the offer as a wallet's signMessage envelope (AIP-62) instead of
        /// raw BCS: prints the signMessage input and the full text the wallet
        /// signs; signs it too when a key is given. --job must be the job id.
        #[arg(long)]
        wallet_envelope: bool,
        /// Envelope: the `application:` line the wallet writes (the dapp's origin); none if absent.
        #[arg(long, requires = "wallet_envelope")]
        application: Option<String>,
        /// Envelope: the creator account (default: the key's address, or --sender).
        #[arg(long, requires = "wallet_envelope")]
        creator: Option<AccountAddress>,
        /// Envelope: decimals of the payment asset (default: asked from the node).
        #[arg(long, requires = "wallet_envelope")]
        asset_decimals: Option<u8>,
        /// Envelope: symbol of the payment asset (default: asked from the node).
        #[arg(long, requires = "wallet_envelope")]
        asset_symbol: Option<String>,
    },
    /// Accept a signed offer (worker's key): the JSON `sign-offer` writes,
    /// raw or `--wallet-envelope` (for a wallet's signature, that JSON with
    /// `key_scheme`, `creator_public_key` and `creator_signature` added, in
    /// the bytes `offers::accept_offer_envelope` takes).
    Accept {
        /// The JSON written by `lumen sign-offer`.
        #[arg(long)]
        offer: PathBuf,
    },
    /// Offer an open job to a worker in a transaction instead of a signature
    /// (creator's account; any account: with --dry-run and no key it prints
    /// the call for a keyless or multisig wallet).
    OfferOnchain {
        #[command(flatten)]
        terms: OfferTerms,
    },
    /// Take the offer the job's creator published on chain (worker's key):
    /// reads it from the node and restates its terms.
    AcceptPublished {
        #[command(flatten)]
        job: JobArg,
    },
    /// Submit the result of a job (worker's key).
    Submit {
        #[command(flatten)]
        job: JobArg,
        /// Frames rendered.
        #[arg(long)]
        frames_done: u64,
        /// Root hash of the outputs (hex).
        #[arg(long)]
        output_root: String,
    },
    /// Accept frames (creator's key): all submitted frames pay at once,
    /// fewer open the worker's response window.
    Confirm {
        #[command(flatten)]
        job: JobArg,
        /// Frames accepted.
        #[arg(long)]
        frames_accepted: u64,
    },
    /// Agree to a partial acceptance: the accepted frames are paid (worker's key).
    AcceptPartial {
        #[command(flatten)]
        job: JobArg,
    },
    /// Open a dispute: the creator on a submission, the worker on a partial
    /// acceptance, either after a missed rerender deadline.
    Dispute {
        #[command(flatten)]
        job: JobArg,
        /// Hash of the dispute's reason (hex).
        #[arg(long)]
        reason_hash: String,
    },
    /// Withdraw every offer signed with a nonce (creator's key).
    BurnNonce {
        /// The offer nonce.
        #[arg(long)]
        nonce: u64,
    },
    /// Withdraw the settlement legs escrow held while this account's store was frozen.
    WithdrawClaimable,
    /// Refund a job that never delivered by its render deadline (creator's key).
    Reclaim {
        #[command(flatten)]
        job: JobArg,
    },
    /// Cancel an open job (creator's key).
    Cancel {
        #[command(flatten)]
        job: JobArg,
    },
    /// Settle a job whose review window, response window or dispute timeout passed (anyone).
    Finalize {
        #[command(flatten)]
        job: JobArg,
    },
    /// Print the package's interface (entry functions, views, events, view
    /// structs with their Move types) as JSON; the TypeScript client is generated from it.
    Interface,
    /// Worker (its account key): register the device key of its render node
    /// (printed by `lumen-relayer device-key`), or rotate it.
    RegisterDeviceKey {
        /// The device's ed25519 public key, 32 bytes hex.
        #[arg(long)]
        device_public_key: String,
    },
    /// Worker (its account key): release the device of its current report; its score ends.
    ReleaseDevice,
    /// Worker: set its price per IB-hour (below the protocol's
    /// min_price_per_ib_hour, `S(n)` counts the floor).
    SetPrice {
        /// Base units of the payment asset per IB-hour.
        #[arg(long)]
        price_per_ib_hour: u64,
    },
    /// Worker: bond stake (at least `S(n)`, plus room for the collateral each
    /// accepted job locks until it settles).
    Stake {
        /// Base units of the payment asset.
        #[arg(long)]
        amount: u64,
    },
    /// Worker: start unbonding stake (never the part locked as collateral).
    RequestUnstake {
        /// Base units of the payment asset.
        #[arg(long)]
        amount: u64,
    },
    /// Worker: withdraw unbonded stake after the unbonding period.
    WithdrawStake,
    /// Campaign: today's check-in (one per UTC day).
    CheckIn,
    /// Campaign: pay the on-chain leaderboard after the period (anyone, once).
    PayLeaderboard,
    /// Campaign: register the account that referred this one (once).
    Referral {
        /// The referrer's address.
        #[arg(long)]
        referrer: AccountAddress,
    },
    /// Render jobs through the job board: submit a scene, status, fetch, rerender.
    Job {
        /// The job board.
        #[arg(long, env = "LUMEN_BOARD_URL")]
        board: String,
        #[command(subcommand)]
        command: job::JobCommand,
    },
}

fn parse_key(text: &str) -> Result<Ed25519PrivateKey> {
    Ok(lumen_sdk::messages::parse_private_key(text)?)
}

fn parse_hex(what: &str, s: &str) -> Result<Vec<u8>> {
    hex::decode(s.trim().trim_start_matches("0x"))
        .with_context(|| format!("{what} is not hex: {s:?}"))
}

/// A fresh offer nonce: the current Unix time in microseconds.
fn default_nonce() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or(0)
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl Cli {
    fn package(&self) -> Result<Package> {
        self.package
            .ok_or_else(|| anyhow!("the package address is required: --package or LUMEN_PACKAGE"))
    }

    fn has_key(&self) -> bool {
        self.key_file.is_some() || self.key.is_some()
    }

    fn private_key(&self) -> Result<Ed25519PrivateKey> {
        let text = match (&self.key_file, &self.key) {
            (Some(path), _) => std::fs::read_to_string(path)
                .with_context(|| format!("cannot read key file {}", path.display()))?,
            (None, Some(k)) => k.clone(),
            (None, None) => bail!("a signing key is required: --key-file or LUMEN_KEY"),
        };
        parse_key(&text)
    }

    fn account(&self) -> Result<Ed25519Account> {
        let account = Ed25519Account::from_private_key(self.private_key()?);
        Ok(match self.sender {
            Some(a) => account.with_address(a),
            None => account,
        })
    }

    fn client(&self) -> Result<LumenClient> {
        let url = self
            .node_url
            .as_deref()
            .ok_or_else(|| anyhow!("a node is required: --node-url or LUMEN_NODE_URL (or --dry-run with --chain-id and --sequence-number)"))?;
        Ok(LumenClient::new(url, self.package()?)?)
    }

    fn job(&self, job: &JobArg) -> Result<AccountAddress> {
        let j = job.job.trim();
        if j.starts_with("0x") {
            AccountAddress::from_hex(j).map_err(|e| anyhow!("invalid job address {j:?}: {e}"))
        } else {
            let id: u64 = j
                .parse()
                .with_context(|| format!("--job must be 0x… or a job id, got {j:?}"))?;
            Ok(self.package()?.job_address(id))
        }
    }

    fn options(&self) -> TxnOptions {
        TxnOptions {
            max_gas_amount: self.max_gas,
            gas_unit_price: self.gas_price,
            expires_in_secs: self.expires_in,
        }
    }

    async fn chain_id(&self) -> Result<ChainId> {
        match self.chain_id {
            Some(c) => Ok(ChainId::new(c)),
            None => Ok(self.client()?.chain_id().await?),
        }
    }

    async fn sign(&self, payload: EntryFunction) -> Result<SignedTransaction> {
        let account = self.account()?;
        let sender = aptos_sdk::account::Account::address(&account);
        let seq = match self.sequence_number {
            Some(s) => s,
            None => self.client()?.sequence_number(sender).await?,
        };
        let chain = self.chain_id().await?;
        match &self.fee_payer_key {
            Some(k) => {
                let payer = Ed25519Account::from_private_key(parse_key(k)?);
                let raw = tx::build_sponsored(
                    sender,
                    seq,
                    payer.address(),
                    chain,
                    payload,
                    &self.options(),
                )?;
                Ok(tx::sign_sponsored(&raw, &account, &payer)?)
            }
            None => {
                let raw = tx::build_raw(sender, seq, chain, payload, &self.options())?;
                Ok(tx::sign(&raw, &account)?)
            }
        }
    }

    async fn send(&self, payload: EntryFunction) -> Result<Value> {
        if self.dry_run && !self.has_key() {
            return Ok(lumen_sdk::wallet::to_wallet_json(&payload)?);
        }
        let signed = self.sign(payload).await?;
        if self.dry_run {
            return Ok(tx::signed_txn_json(&signed)?);
        }
        let client = self.client()?;
        let done = client
            .submit_and_wait(&signed, Duration::from_secs(60))
            .await?;
        Ok(json!({
            "hash": done["hash"],
            "version": done["version"],
            "success": done["success"],
            "vm_status": done["vm_status"],
            "sender": signed.sender().to_hex(),
            "sequence_number": signed.sequence_number().to_string(),
        }))
    }
}

/// The file `sign-offer` writes and `accept` reads.
#[derive(serde::Serialize, serde::Deserialize)]
struct SignedOffer {
    package: String,
    offer: AssignmentOffer,
    creator_public_key: String,
    creator_signature: String,
}

/// The file `sign-offer --wallet-envelope` writes with a key (or a dapp
/// assembles from a wallet's answer) and `accept` reads.
#[derive(serde::Deserialize)]
struct SignedEnvelope {
    envelope: OfferEnvelope,
    /// 0 Ed25519, 2 SingleKey, 3 MultiKey.
    key_scheme: u8,
    creator_public_key: String,
    creator_signature: String,
}

/// `accept` of a wallet-signed offer: refuses locally what the contract
/// would abort on (a key or signature that does not parse or verify).
fn accept_envelope(p: &Package, v: Value, file: &std::path::Path) -> Result<EntryFunction> {
    let s: SignedEnvelope = serde_json::from_value(v).with_context(|| {
        format!(
            "{} is not a signed wallet envelope (envelope, key_scheme, creator_public_key, creator_signature)",
            file.display()
        )
    })?;
    let pk = parse_hex("creator_public_key", &s.creator_public_key)?;
    let sig = parse_hex("creator_signature", &s.creator_signature)?;
    let key = AccountKey::from_bytes(s.key_scheme, &pk)
        .map_err(|e| anyhow!("creator_public_key of scheme {}: {e}", s.key_scheme))?;
    let text = s.envelope.full_message(p);
    if !key
        .verify(text.as_bytes(), &sig)
        .map_err(|e| anyhow!("creator_signature: {e}"))?
    {
        bail!("the envelope's signature does not verify for this package and key");
    }
    Ok(payloads::accept_envelope_offer(p, &s.envelope, &key, &sig))
}

/// `sign-offer --wallet-envelope`: the signMessage input, the full text and,
/// with a key, the signature.
fn sign_envelope(
    cli: &Cli,
    p: &Package,
    job: &JobArg,
    offer: AssignmentOffer,
    asset: AssetUnits,
    application: &Option<String>,
    creator: Option<AccountAddress>,
) -> Result<Value> {
    let job_id: u64 = job.job.trim().parse().with_context(|| {
        format!(
            "--wallet-envelope needs --job as the job id (the text shows it), got {:?}",
            job.job
        )
    })?;
    let key = cli.has_key().then(|| cli.private_key()).transpose()?;
    let creator = match (creator, &key) {
        (Some(c), _) => c,
        (None, Some(_)) => aptos_sdk::account::Account::address(&cli.account()?),
        (None, None) => bail!("--wallet-envelope needs the creator: --creator, or a key"),
    };
    let header = WalletHeader {
        address: Some(creator.to_hex()),
        application: application.clone(),
        chain_id: true,
    };
    let env = OfferEnvelope::new(p, creator, offer, job_id, asset, header)?;
    let mut v = json!({
        "package": p.to_string(),
        "creator": creator.to_hex(),
        "envelope": env,
        "signMessage": env.sign_message_input(p),
        "fullMessage": env.full_message(p),
    });
    if let Some(key) = key {
        v["key_scheme"] = json!(SCHEME_ED25519);
        v["creator_public_key"] = json!(key.public_key().to_hex());
        v["creator_signature"] = json!(env.sign(p, &key).to_hex());
    }
    Ok(v)
}

async fn run(cli: &Cli) -> Result<Value> {
    if let Command::Interface = cli.command {
        return Ok(lumen_sdk::interface::describe()?);
    }
    let p = cli.package()?;
    match &cli.command {
        Command::CreateJob {
            spec_hash,
            frames,
            max_price_per_frame,
            needs,
        } => {
            let spec = parse_hex("--spec-hash", spec_hash)?;
            if lumen_sdk::formulas::deposit(*frames, *max_price_per_frame).is_none() {
                bail!("frames × max price per frame overflows u64");
            }
            cli.send(payloads::escrow::create_job(
                &p,
                &spec,
                *frames,
                *max_price_per_frame,
                needs.min_score,
                needs.min_vram_mb,
            ))
            .await
        }
        Command::SignOffer {
            terms,
            out,
            wallet_envelope,
            application,
            creator,
            asset_decimals,
            asset_symbol,
        } => {
            let offer = terms.offer(cli, cli.chain_id().await?.id())?;
            let v = if *wallet_envelope {
                let asset = match (asset_decimals, asset_symbol) {
                    (Some(decimals), Some(symbol)) => AssetUnits {
                        decimals: *decimals,
                        symbol: symbol.clone(),
                    },
                    _ => async { anyhow::Ok(cli.client()?.asset_units().await?) }
                        .await
                        .context(
                            "cannot read the payment asset's decimals and symbol from the node \
                         (give --asset-decimals and --asset-symbol)",
                        )?,
                };
                sign_envelope(cli, &p, &terms.job, offer, asset, application, *creator)?
            } else {
                let key = cli.private_key()?;
                let sig = offer.sign(&p, &key);
                serde_json::to_value(SignedOffer {
                    package: p.to_string(),
                    offer,
                    creator_public_key: key.public_key().to_hex(),
                    creator_signature: sig.to_hex(),
                })?
            };
            if let Some(path) = out {
                std::fs::write(path, serde_json::to_string_pretty(&v)? + "\n")
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            Ok(v)
        }
        Command::Interface => unreachable!("answered before the package is needed"),
        Command::Accept { offer } => {
            let text = std::fs::read_to_string(offer)
                .with_context(|| format!("cannot read {}", offer.display()))?;
            let v: Value = serde_json::from_str(&text)
                .with_context(|| format!("{} is not JSON", offer.display()))?;
            if v.get("envelope").is_some() {
                return cli.send(accept_envelope(&p, v, offer)?).await;
            }
            let s: SignedOffer = serde_json::from_value(v)
                .with_context(|| format!("{} is not a signed offer", offer.display()))?;
            let pk = Ed25519PublicKey::from_hex(&s.creator_public_key)
                .map_err(|e| anyhow!("creator_public_key: {e}"))?;
            let sig = Ed25519Signature::from_hex(&s.creator_signature)
                .map_err(|e| anyhow!("creator_signature: {e}"))?;
            // Refuse locally what the contract would abort on.
            s.offer
                .verify(&p, &pk, &sig)
                .context("the offer's signature does not verify for this package")?;
            cli.send(payloads::accept_signed_offer(&p, &s.offer, &pk, &sig))
                .await
        }
        Command::Submit {
            job,
            frames_done,
            output_root,
        } => {
            let root = parse_hex("--output-root", output_root)?;
            cli.send(payloads::escrow::submit_result(
                &p,
                cli.job(job)?,
                *frames_done,
                &root,
            ))
            .await
        }
        Command::Confirm {
            job,
            frames_accepted,
        } => {
            cli.send(payloads::escrow::confirm(
                &p,
                cli.job(job)?,
                *frames_accepted,
            ))
            .await
        }
        Command::AcceptPartial { job } => {
            cli.send(payloads::escrow::accept_partial(&p, cli.job(job)?))
                .await
        }
        Command::Dispute { job, reason_hash } => {
            let reason = parse_hex("--reason-hash", reason_hash)?;
            cli.send(payloads::escrow::dispute(&p, cli.job(job)?, &reason))
                .await
        }
        Command::OfferOnchain { terms } => {
            // A published offer is bound to the chain it is published on.
            let offer = terms.offer(cli, 0)?;
            cli.send(payloads::publish_offer(&p, &offer)).await
        }
        Command::AcceptPublished { job } => {
            let job = cli.job(job)?;
            let published = cli
                .client()?
                .view(&lumen_sdk::views::offers::published_offer(&p, job))
                .await?
                .ok_or_else(|| anyhow!("the creator of job {job} has published no offer for it"))?;
            let mut out = cli
                .send(payloads::offers::accept_published_offer(
                    &p,
                    job,
                    published.price_per_frame,
                    published.render_deadline,
                    published.offer_expires_at,
                    published.nonce,
                ))
                .await?;
            out["offer"] = published.to_move_json();
            Ok(out)
        }
        Command::BurnNonce { nonce } => cli.send(payloads::escrow::burn_nonce(&p, *nonce)).await,
        Command::WithdrawClaimable => cli.send(payloads::escrow::withdraw(&p)).await,
        Command::Reclaim { job } => cli.send(payloads::escrow::reclaim(&p, cli.job(job)?)).await,
        Command::Cancel { job } => cli.send(payloads::escrow::cancel(&p, cli.job(job)?)).await,
        Command::Finalize { job } => {
            cli.send(payloads::escrow::finalize(&p, cli.job(job)?))
                .await
        }
        Command::RegisterDeviceKey { device_public_key } => {
            let key = Ed25519PublicKey::from_hex(device_public_key.trim_start_matches("0x"))
                .map_err(|e| anyhow!("--device-public-key is not an ed25519 public key: {e}"))?;
            cli.send(payloads::attestation::register_device_key(
                &p,
                &key.to_bytes(),
            ))
            .await
        }
        Command::ReleaseDevice => cli.send(payloads::attestation::release_device(&p)).await,
        Command::SetPrice { price_per_ib_hour } => {
            cli.send(payloads::staking::set_price(&p, *price_per_ib_hour))
                .await
        }
        Command::Stake { amount } => cli.send(payloads::staking::stake(&p, *amount)).await,
        Command::RequestUnstake { amount } => {
            cli.send(payloads::staking::request_unstake(&p, *amount))
                .await
        }
        Command::WithdrawStake => cli.send(payloads::staking::withdraw(&p)).await,
        Command::CheckIn => cli.send(payloads::campaign::check_in(&p)).await,
        Command::PayLeaderboard => cli.send(payloads::campaign::pay_leaderboard(&p)).await,
        Command::Referral { referrer } => {
            cli.send(payloads::campaign::register_referral(&p, *referrer))
                .await
        }
        Command::Job { board, command } => job::run(cli, board, command).await,
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    lumen_sdk::logging::init_from("LUMEN_LOG", "warn", lumen_sdk::logging::Output::Stderr);
    let cli = Cli::parse();
    let out = run(&cli).await?;
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{}", serde_json::to_string_pretty(&out)?) {
        // A closed pipe (`lumen … | head`) is not a failure of the command.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

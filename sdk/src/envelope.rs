//! An [`AssignmentOffer`] signed through a wallet's `signMessage` (AIP-62):
//! wallets never sign raw bytes, they sign a text envelope
//!
//! ```text
//! APTOS
//! [address: <as the wallet writes it>
//! ][application: <the dapp, as the wallet writes it>
//! ][chainId: <chain id, decimal>
//! ]message: <the offer text>
//! nonce: <the offer nonce, decimal>
//! ```
//!
//! as UTF-8 bytes, with the account's ed25519 key. The offer text is a
//! human-readable rendering of the offer followed by a machine line; the
//! contract rebuilds the whole envelope from the offer's fields, the job and
//! the payment asset, and verifies the signature over it. The format is
//! defined in `move/README.md` ("Wallet-signed offers") and pinned by
//! `tests/vectors/wallet_envelope.json`, which the Move tests, this crate and
//! the TypeScript client (`ts/`) all check.

use aptos_sdk::crypto::{Ed25519PrivateKey, Ed25519PublicKey, Ed25519Signature};
use aptos_sdk::types::AccountAddress;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::messages::{verify_strict, AssignmentOffer, SignatureError};
use crate::package::Package;

/// The first line of every wallet envelope (AIP-62).
pub const PREFIX: &str = "APTOS";
/// The first line of the offer text.
pub const TITLE: &str = "Lumen render job offer";
/// The tag that starts the machine line (the format's version).
pub const MACHINE_TAG: &str = "lumen-offer-v1";

/// A wallet envelope that cannot be built as given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnvelopeError {
    /// The offer's job is not job `job_id` of the package.
    #[error("the offer's job {job} is not job #{job_id} of package {package} ({expected})")]
    JobMismatch {
        /// The offer's job address.
        job: String,
        /// The job id given.
        job_id: u64,
        /// The package.
        package: String,
        /// The address of job `job_id`.
        expected: String,
    },
    /// A header value holds a line break (it would forge another line).
    #[error("the wallet's `{field}` value contains a line break")]
    LineBreak {
        /// `address` or `application`.
        field: &'static str,
    },
    /// The header names another account than the offer's creator.
    #[error("the wallet's address {given:?} is not the creator {creator}")]
    AddressMismatch {
        /// The address text.
        given: String,
        /// The creator.
        creator: String,
    },
    /// An empty header value (wallets leave the line out instead).
    #[error("the wallet's `{field}` value is empty")]
    Empty {
        /// `address` or `application`.
        field: &'static str,
    },
}

/// The payment asset as the offer text shows prices: its decimals and symbol
/// (`fungible_asset::decimals` / `symbol` of the configured asset).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetUnits {
    /// Decimal places of one whole unit.
    pub decimals: u8,
    /// Ticker, e.g. `USDT` (may be empty).
    pub symbol: String,
}

/// The optional lines the wallet put before `message:`, exactly as it wrote
/// them: `address` and `application` texts (`None` = line left out) and
/// whether it wrote `chainId`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalletHeader {
    /// The `address:` text (wallets write the signing account; short or long hex).
    pub address: Option<String>,
    /// The `application:` text (the dapp's origin or host).
    pub application: Option<String>,
    /// Whether the `chainId:` line is there (its value is the offer's chain id).
    pub chain_id: bool,
}

impl WalletHeader {
    /// All three lines, as a dapp asks for them: the creator's address in
    /// long form, `application`, and the chain id.
    pub fn full(creator: AccountAddress, application: &str) -> Self {
        Self {
            address: Some(creator.to_hex()),
            application: Some(application.to_string()),
            chain_id: true,
        }
    }
}

/// An offer as a wallet signs it: the offer, the job's id, the asset's units
/// and the wallet's header lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferEnvelope {
    /// The offer (its `job` is job `job_id` of the package).
    pub offer: AssignmentOffer,
    /// The job's id, shown in the text.
    pub job_id: u64,
    /// How prices are shown.
    pub asset: AssetUnits,
    /// The wallet's optional lines.
    pub header: WalletHeader,
}

impl OfferEnvelope {
    /// Checks that the offer's job is job `job_id` of `package` and that the
    /// header is well formed (one line each, the address is `creator`'s).
    pub fn new(
        package: &Package,
        creator: AccountAddress,
        offer: AssignmentOffer,
        job_id: u64,
        asset: AssetUnits,
        header: WalletHeader,
    ) -> Result<Self, EnvelopeError> {
        let expected = package.job_address(job_id);
        if offer.job != expected {
            return Err(EnvelopeError::JobMismatch {
                job: offer.job.to_hex(),
                job_id,
                package: package.to_string(),
                expected: expected.to_hex(),
            });
        }
        for (field, v) in [
            ("address", &header.address),
            ("application", &header.application),
        ] {
            match v.as_deref() {
                Some("") => return Err(EnvelopeError::Empty { field }),
                Some(t) if t.contains('\n') => return Err(EnvelopeError::LineBreak { field }),
                _ => {}
            }
        }
        if let Some(a) = &header.address {
            if crate::movejson::parse_address(a).ok() != Some(creator) {
                return Err(EnvelopeError::AddressMismatch {
                    given: a.clone(),
                    creator: creator.to_hex(),
                });
            }
        }
        Ok(Self {
            offer,
            job_id,
            asset,
            header,
        })
    }

    /// The `message` a dapp passes to `signMessage`: the readable offer, an
    /// empty line, the machine line.
    pub fn message(&self, package: &Package) -> String {
        offer_message(package, &self.offer, self.job_id, &self.asset)
    }

    /// The `nonce` a dapp passes to `signMessage`: the offer nonce in decimal.
    pub fn nonce(&self) -> String {
        self.offer.nonce.to_string()
    }

    /// The full text the wallet signs (UTF-8).
    pub fn full_message(&self, package: &Package) -> String {
        let mut s = format!("{PREFIX}\n");
        if let Some(a) = &self.header.address {
            s += &format!("address: {a}\n");
        }
        if let Some(a) = &self.header.application {
            s += &format!("application: {a}\n");
        }
        if self.header.chain_id {
            s += &format!("chainId: {}\n", self.offer.chain_id);
        }
        s + &format!(
            "message: {}\nnonce: {}",
            self.message(package),
            self.nonce()
        )
    }

    /// The wallet adapter's `signMessage` input asking for this envelope.
    pub fn sign_message_input(&self, package: &Package) -> Value {
        json!({
            "message": self.message(package),
            "nonce": self.nonce(),
            "address": self.header.address.is_some(),
            "application": self.header.application.is_some(),
            "chainId": self.header.chain_id,
        })
    }

    /// Signs the envelope as a wallet does (ed25519 over the UTF-8 text).
    pub fn sign(&self, package: &Package, key: &Ed25519PrivateKey) -> Ed25519Signature {
        key.sign(self.full_message(package).as_bytes())
    }

    /// Verifies a wallet's signature the way the contract does.
    pub fn verify(
        &self,
        package: &Package,
        public_key: &Ed25519PublicKey,
        signature: &Ed25519Signature,
    ) -> Result<(), SignatureError> {
        verify_strict(
            "wallet envelope of escrow::AssignmentOffer",
            self.full_message(package).as_bytes(),
            public_key,
            signature,
        )
    }
}

/// The offer text (`signMessage`'s `message`); see `move/README.md`.
pub fn offer_message(
    package: &Package,
    offer: &AssignmentOffer,
    job_id: u64,
    asset: &AssetUnits,
) -> String {
    let price = match asset.symbol.as_str() {
        "" => format_amount(offer.price_per_frame, asset.decimals),
        s => format!(
            "{} {s}",
            format_amount(offer.price_per_frame, asset.decimals)
        ),
    };
    format!(
        "{TITLE}\nJob: #{job_id}\nWorker: {worker}\nPrice per frame: {price}\n\
         Render deadline: {rd} UTC\nOffer expires: {oe} UTC\nChain id: {chain}\n\n\
         {MACHINE_TAG} package={package} job={job} worker={worker} price_per_frame={ppf} \
         render_deadline={rds} offer_expires_at={oes} nonce={nonce} chain_id={chain}",
        worker = offer.worker.to_hex(),
        rd = format_utc(offer.render_deadline),
        oe = format_utc(offer.offer_expires_at),
        chain = offer.chain_id,
        package = package.address.to_hex(),
        job = offer.job.to_hex(),
        ppf = offer.price_per_frame,
        rds = offer.render_deadline,
        oes = offer.offer_expires_at,
        nonce = offer.nonce,
    )
}

/// `amount` base units in whole units with `decimals` places: the
/// fraction's trailing zeros and a bare point are dropped (`800`, 6 →
/// `0.0008`; `2_500_000`, 6 → `2.5`; `7`, 0 → `7`).
pub fn format_amount(amount: u64, decimals: u8) -> String {
    let digits = amount.to_string();
    let d = usize::from(decimals);
    if d == 0 {
        return digits;
    }
    let padded = format!("{digits:0>width$}", width = d + 1);
    let (whole, frac) = padded.split_at(padded.len() - d);
    match frac.trim_end_matches('0') {
        "" => whole.to_string(),
        f => format!("{whole}.{f}"),
    }
}

/// Unix seconds as `YYYY-MM-DD HH:MM:SS` in UTC (proleptic Gregorian; the
/// year has at least four digits and grows past 9999).
pub fn format_utc(secs: u64) -> String {
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Days to civil date (H. Hinnant's algorithm), all unsigned since
    // secs >= 0; the contract runs the same steps on u64.
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        for (a, d, want) in [
            (800, 6, "0.0008"),
            (2_500_000, 6, "2.5"),
            (1_000_000, 6, "1"),
            (0, 6, "0"),
            (7, 0, "7"),
            (u64::MAX, 0, "18446744073709551615"),
            (u64::MAX, 8, "184467440737.09551615"),
            (1, 32, "0.00000000000000000000000000000001"),
            (120, 2, "1.2"),
        ] {
            assert_eq!(format_amount(a, d), want, "{a} {d}");
        }
    }

    #[test]
    fn dates() {
        for (s, want) in [
            (0, "1970-01-01 00:00:00"),
            (951_782_400, "2000-02-29 00:00:00"),
            (1_728_086_400, "2024-10-05 00:00:00"),
            (1_767_225_599, "2025-12-31 23:59:59"),
            (4_107_542_400, "2100-03-01 00:00:00"),
            (253_402_300_799, "9999-12-31 23:59:59"),
            (253_402_300_800, "10000-01-01 00:00:00"),
        ] {
            assert_eq!(format_utc(s), want, "{s}");
        }
        // The largest u64 neither overflows nor panics.
        assert!(format_utc(u64::MAX).starts_with("584554051223-11-09 07:00:15"));
    }
}

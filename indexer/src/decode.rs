//! Transactions → Lumen events, through `lumen_sdk::events` only.
//!
//! Events of other packages (the framework's fee and coin events, other
//! apps) are dropped; events of failed transactions too (a failed
//! transaction emits nothing). Events of modules at the package address
//! that are not Lumen's (a module published there later) are skipped and
//! counted (`lumen_indexer_foreign_events_skipped_total`). An event of a
//! Lumen module that does not decode, or whose type Lumen does not have,
//! stops the indexer with an error naming the version, the event index and
//! the field: skipping it would leave the projections silently wrong.

use lumen_sdk::events::{DecodeError, LumenEvent, ALL_EVENTS};
use lumen_sdk::Package;
use serde_json::Value;

use crate::metrics::METRICS;
use crate::rows::RawJson;
use crate::source::{Page, BLOCK_METADATA};

/// One decoded event with its place in the chain.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// Transaction version.
    pub version: u64,
    /// Index of the event within the transaction's events (all packages).
    pub event_index: u32,
    /// Transaction commit time in microseconds.
    pub timestamp_us: u64,
    /// The event as served (`data` object), for the raw log.
    pub data: RawJson,
    /// The typed event.
    pub event: LumenEvent,
}

impl Decoded {
    /// `module::Name`, the key the raw log and the API use.
    pub fn event_type(&self) -> String {
        format!("{}::{}", self.event.module(), self.event.name())
    }
}

/// A decoded run of consecutive transactions.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    /// First version covered.
    pub first_version: u64,
    /// Last version covered (the checkpoint moves here on commit).
    pub last_version: u64,
    /// Commit time of the last transaction, in microseconds.
    pub last_timestamp_us: u64,
    /// Transactions covered.
    pub transactions: u64,
    /// Package events in chain order.
    pub events: Vec<Decoded>,
    /// Hash of the last transaction, when the source gives it.
    pub last_hash: Option<String>,
    /// Epoch of the last block in the batch, if it holds one.
    pub last_epoch: Option<u64>,
}

impl Batch {
    /// Appends a following batch.
    pub fn extend(&mut self, other: Batch) {
        if self.transactions == 0 {
            *self = other;
            return;
        }
        self.last_version = other.last_version;
        self.last_timestamp_us = other.last_timestamp_us.max(self.last_timestamp_us);
        self.transactions += other.transactions;
        self.events.extend(other.events);
        self.last_hash = other.last_hash;
        self.last_epoch = other.last_epoch.or(self.last_epoch);
    }
}

/// A package event that could not be decoded.
#[derive(Debug, thiserror::Error)]
pub enum DecodeFailure {
    /// The data does not fit the event's struct.
    #[error("transaction version {version}, event index {event_index}: {source}")]
    Event {
        /// Transaction version.
        version: u64,
        /// Index of the event in the transaction.
        event_index: u32,
        /// The sdk's error, naming the event type and field.
        source: DecodeError,
    },
    /// A type under the package address that no known event has.
    #[error(
        "transaction version {version}, event index {event_index}: unknown event type \
         {type_str} of the package (field `type`); is the indexer older than the package?"
    )]
    Unknown {
        /// Transaction version.
        version: u64,
        /// Index of the event in the transaction.
        event_index: u32,
        /// The type string.
        type_str: String,
    },
}

/// Whether `module` is one of Lumen's (declares events the sdk knows).
fn is_lumen_module(module: &str) -> bool {
    ALL_EVENTS.iter().any(|(m, _)| *m == module)
}

/// Decodes the package's events of one page.
pub fn decode_page(package: &Package, page: Page) -> Result<Batch, DecodeFailure> {
    let mut batch = Batch {
        first_version: page.transactions.first().map_or(0, |t| t.version),
        last_version: page.transactions.last().map_or(0, |t| t.version),
        transactions: page.transactions.len() as u64,
        last_hash: page.transactions.last().and_then(|t| t.hash.clone()),
        ..Default::default()
    };
    for txn in page.transactions {
        let ts = txn.timestamp.unwrap_or(0);
        batch.last_timestamp_us = batch.last_timestamp_us.max(ts);
        if txn.kind == BLOCK_METADATA {
            batch.last_epoch = txn.epoch.or(batch.last_epoch);
        }
        if !txn.success {
            continue;
        }
        for (i, ev) in txn.events.into_iter().enumerate() {
            let event_index = i as u32;
            // Cheap filter first: most events of a busy chain are not ours.
            let Some((module, _)) = package.strip(&ev.type_str) else {
                continue;
            };
            if !is_lumen_module(module) {
                METRICS.inc_foreign_events();
                continue;
            }
            let event_error = |source| DecodeFailure::Event {
                version: txn.version,
                event_index,
                source,
            };
            let data: Value = serde_json::from_str(ev.data.get()).map_err(|e| {
                event_error(DecodeError {
                    event_type: ev.type_str.clone(),
                    field: "data".into(),
                    reason: e.to_string(),
                })
            })?;
            let decoded = LumenEvent::decode(package, &ev.type_str, &data).map_err(event_error)?;
            let Some(event) = decoded else {
                return Err(DecodeFailure::Unknown {
                    version: txn.version,
                    event_index,
                    type_str: ev.type_str,
                });
            };
            batch.events.push(Decoded {
                version: txn.version,
                event_index,
                timestamp_us: ts,
                data: RawJson(ev.data),
                event,
            });
        }
    }
    Ok(batch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Transaction;
    use crate::testgen::raw_txn;
    use lumen_sdk::events::{JobCreated, PriceSet};
    use lumen_sdk::AccountAddress;
    use serde_json::json;

    fn addr(n: u64) -> AccountAddress {
        let mut b = [0u8; 32];
        b[24..].copy_from_slice(&n.to_be_bytes());
        AccountAddress::new(b)
    }

    fn page(txns: Vec<Value>) -> Page {
        Page {
            transactions: txns
                .into_iter()
                .map(|t| serde_json::from_str::<Transaction>(&t.to_string()).unwrap())
                .collect(),
            ledger_version: None,
        }
    }

    fn job_created() -> LumenEvent {
        LumenEvent::JobCreated(JobCreated {
            job: addr(0x10),
            job_id: 1,
            creator: addr(0xc1),
            spec_hash: vec![1, 2, 3],
            frames: 10,
            max_price_per_frame: 100,
            min_score: 1_000_000,
            min_vram_mb: 4096,
            deposit: 1000,
            created_at: 1_700_000_000,
        })
    }

    #[test]
    fn decodes_package_events_and_ignores_the_rest() {
        let pkg = Package::DEV;
        let e1 = job_created();
        let e2 = LumenEvent::PriceSet(PriceSet {
            worker: addr(0xa1),
            price_per_ib_hour: 5,
        });
        let txns = vec![
            raw_txn(
                7,
                1_700_000_000_000_000,
                true,
                vec![
                    (
                        "0x1::transaction_fee::FeeStatement".into(),
                        json!({"total_charge_gas_units": "5"}),
                    ),
                    // Short address form of the package.
                    (
                        format!("0xcafe::{}::{}", e1.module(), e1.name()),
                        e1.to_json(),
                    ),
                    // Another package's event with the same module and name.
                    (
                        format!("0xbeef::{}::{}", e1.module(), e1.name()),
                        json!({"x": 1}),
                    ),
                    (e2.type_string(&pkg), e2.to_json()),
                ],
            ),
            // A failed transaction's events are not applied.
            raw_txn(
                8,
                1_700_000_001_000_000,
                false,
                vec![(e2.type_string(&pkg), e2.to_json())],
            ),
        ];
        let b = decode_page(&pkg, page(txns)).unwrap();
        assert_eq!((b.first_version, b.last_version, b.transactions), (7, 8, 2));
        assert_eq!(b.last_timestamp_us, 1_700_000_001_000_000);
        assert_eq!(b.events.len(), 2);
        assert_eq!(b.events[0].event, e1);
        assert_eq!(b.events[0].event_index, 1);
        assert_eq!(b.events[0].event_type(), "escrow::JobCreated");
        assert_eq!(b.events[1].event, e2);
        assert_eq!(b.events[1].event_index, 3);
    }

    #[test]
    fn malformed_package_event_names_version_index_and_field() {
        let pkg = Package::DEV;
        let e = job_created();
        let mut data = e.to_json();
        data["frames"] = json!("ten");
        let txns = vec![raw_txn(
            42,
            1,
            true,
            vec![("0x1::a::B".into(), json!({})), (e.type_string(&pkg), data)],
        )];
        let err = decode_page(&pkg, page(txns)).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("version 42"), "{msg}");
        assert!(msg.contains("event index 1"), "{msg}");
        assert!(msg.contains("`frames`"), "{msg}");
        assert!(matches!(
            err,
            DecodeFailure::Event {
                version: 42,
                event_index: 1,
                ..
            }
        ));
    }

    #[test]
    fn unknown_event_of_the_package_is_an_error() {
        let pkg = Package::DEV;
        let txns = vec![raw_txn(
            3,
            1,
            true,
            vec![(pkg.member("escrow", "Mystery"), json!({}))],
        )];
        let err = decode_page(&pkg, page(txns)).unwrap_err();
        assert!(
            matches!(
                err,
                DecodeFailure::Unknown {
                    version: 3,
                    event_index: 0,
                    ..
                }
            ),
            "{err}"
        );
    }

    /// Another module published at the package address later (not one of
    /// Lumen's) used to stop ingestion for good; its events are skipped and
    /// counted, Lumen's around them decode.
    #[test]
    fn events_of_other_modules_at_the_package_address_are_skipped_and_counted() {
        let pkg = Package::DEV;
        let e = job_created();
        let before = METRICS.foreign_events();
        let txns = vec![raw_txn(
            5,
            1,
            true,
            vec![
                (pkg.member("airdrop", "Claimed"), json!({"who": "0x1"})),
                (e.type_string(&pkg), e.to_json()),
                (pkg.member("airdrop", "Claimed"), json!({"who": "0x2"})),
            ],
        )];
        let b = decode_page(&pkg, page(txns)).unwrap();
        assert_eq!(b.events.len(), 1);
        assert_eq!((b.events[0].event_index, &b.events[0].event), (1, &e));
        assert!(METRICS.foreign_events() >= before + 2);
    }
}

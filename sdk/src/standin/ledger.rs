//! Where a stand-in keeps the transactions it serves.

use std::collections::BTreeMap;

use serde_json::Value;

/// The ledger behind a stand-in: versioned REST JSON transactions, served
/// as they are stored (a store may hold them pre-rendered, so a page costs
/// the server no JSON work).
pub trait LedgerStore: Send + Sync + 'static {
    /// The highest version stored, `None` while empty.
    fn head(&self) -> Option<u64>;

    /// Versions `[start, end)` (all stored) as the bytes of a JSON array.
    fn page(&self, start: u64, end: u64) -> std::io::Result<Vec<u8>>;

    /// Version `v`, when stored.
    fn get(&self, v: u64) -> Option<Value>;

    /// Stores `txn` as version `v`; a read-only store refuses.
    fn insert(&mut self, v: u64, txn: Value) -> Result<(), String>;
}

/// Transactions in memory, each serialized once when stored.
#[derive(Default)]
pub struct MemoryLedger {
    txns: BTreeMap<u64, String>,
}

impl LedgerStore for MemoryLedger {
    fn head(&self) -> Option<u64> {
        self.txns.keys().next_back().copied()
    }

    fn page(&self, start: u64, end: u64) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(2 + (end.saturating_sub(start) as usize) * 1_024);
        out.push(b'[');
        for (i, t) in self.txns.range(start..end).map(|(_, t)| t).enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(t.as_bytes());
        }
        out.push(b']');
        Ok(out)
    }

    fn get(&self, v: u64) -> Option<Value> {
        self.txns
            .get(&v)
            .map(|t| serde_json::from_str(t).expect("stored as JSON"))
    }

    fn insert(&mut self, v: u64, txn: Value) -> Result<(), String> {
        self.txns.insert(v, txn.to_string());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_the_stored_json() {
        let mut l = MemoryLedger::default();
        assert_eq!(l.head(), None);
        assert_eq!(l.page(0, 5).unwrap(), b"[]");
        for v in 0..3u64 {
            l.insert(v, serde_json::json!({"version": v.to_string()}))
                .unwrap();
        }
        assert_eq!(l.head(), Some(2));
        let page: Value = serde_json::from_slice(&l.page(1, 3).unwrap()).unwrap();
        assert_eq!(
            page,
            serde_json::json!([{"version": "1"}, {"version": "2"}])
        );
        assert_eq!(l.get(2), Some(serde_json::json!({"version": "2"})));
    }
}

//! Transactions from a JSON-lines file of REST-shaped transactions.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use super::{Page, SourceError, Transaction};

/// Transactions from a JSON-lines file (one REST-shaped transaction per
/// line, versions ascending), for replays and demos.
pub struct FileSource {
    path: PathBuf,
    lines: std::io::Lines<std::io::BufReader<std::fs::File>>,
    line_no: usize,
    page_size: usize,
    last_version: Option<u64>,
    start: u64,
}

impl FileSource {
    /// Opens `path`; transactions below `start` are skipped.
    pub fn open(path: &Path, start: u64, page_size: usize) -> Result<Self, SourceError> {
        let file = std::fs::File::open(path).map_err(|e| SourceError::File {
            path: path.to_path_buf(),
            line: 0,
            detail: e.to_string(),
        })?;
        Ok(Self {
            path: path.to_path_buf(),
            lines: std::io::BufReader::new(file).lines(),
            line_no: 0,
            page_size: page_size.max(1),
            last_version: None,
            start,
        })
    }

    /// The next page of up to `page_size` transactions; `None` at the end.
    pub fn next_page(&mut self) -> Result<Option<Page>, SourceError> {
        let mut txns = Vec::with_capacity(self.page_size);
        while txns.len() < self.page_size {
            let Some(line) = self.lines.next() else { break };
            self.line_no += 1;
            let err = |detail: String| SourceError::File {
                path: self.path.clone(),
                line: self.line_no,
                detail,
            };
            let line = line.map_err(|e| err(e.to_string()))?;
            if line.trim().is_empty() {
                continue;
            }
            let t: Transaction =
                serde_json::from_str(&line).map_err(|e| err(format!("not a transaction: {e}")))?;
            if let Some(last) = self.last_version {
                if t.version <= last {
                    return Err(err(format!(
                        "version {} does not follow {last}: versions must ascend",
                        t.version
                    )));
                }
            }
            self.last_version = Some(t.version);
            if t.version >= self.start {
                txns.push(t);
            }
        }
        if txns.is_empty() {
            return Ok(None);
        }
        Ok(Some(Page {
            ledger_version: None,
            transactions: txns,
        }))
    }
}

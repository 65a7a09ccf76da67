//! Result rows (one JSON object per line) and their rendering into
//! `bench/RESULTS.md`.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// One measured claim next to its reference.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Row {
    /// What is measured.
    pub what: String,
    /// The workload, in words.
    pub workload: String,
    /// Our figure.
    pub ours: f64,
    /// Unit of `ours` (and of the reference unless it says otherwise).
    pub unit: String,
    /// The reference: a target (a limit) or a peer measured in the same run.
    pub reference: Option<f64>,
    /// What the reference is.
    pub reference_label: String,
    /// `ours / reference` when a reference exists.
    pub ratio: Option<f64>,
    /// The acceptance target, in words.
    pub target: String,
    /// Whether the target is met; `None` when the row is informative only.
    pub met: Option<bool>,
    /// Anything a reader needs to interpret the figure.
    pub note: String,
    /// Machine description.
    pub machine: String,
    /// UTC time of the measurement.
    pub date: String,
}

impl Row {
    /// A row with machine and date filled in; `ratio` from `reference`.
    pub fn new(what: &str, workload: &str, ours: f64, unit: &str) -> Self {
        Self {
            what: what.into(),
            workload: workload.into(),
            ours,
            unit: unit.into(),
            reference: None,
            reference_label: String::new(),
            ratio: None,
            target: String::new(),
            met: None,
            note: String::new(),
            machine: machine(),
            date: now_utc(),
        }
    }

    /// Sets the reference figure and the ratio.
    pub fn reference(mut self, value: f64, label: &str) -> Self {
        self.reference = Some(value);
        self.reference_label = label.into();
        self.ratio = (value != 0.0).then(|| self.ours / value);
        self
    }

    /// Names what the row is compared with when there is no reference figure.
    pub fn reference_label_only(mut self, label: &str) -> Self {
        self.reference_label = label.into();
        self
    }

    /// Sets the target and whether it is met.
    pub fn target(mut self, target: &str, met: bool) -> Self {
        self.target = target.into();
        self.met = Some(met);
        self
    }

    /// Adds a note.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = note.into();
        self
    }
}

/// Appends `row` to the JSON-lines file `path` and echoes it on stderr.
pub fn append(path: &Path, row: &Row) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    writeln!(
        f,
        "{}",
        serde_json::to_string(row).expect("a row serialises")
    )?;
    eprintln!(
        "result: {} = {} {} (reference {} {}, target {}: {})",
        row.what,
        fmt_num(row.ours),
        row.unit,
        row.reference.map(fmt_num).unwrap_or_else(|| "-".into()),
        row.reference_label,
        row.target,
        match row.met {
            Some(true) => "met",
            Some(false) => "MISSED",
            None => "n/a",
        }
    );
    Ok(())
}

/// Reads the rows of a JSON-lines file; a bad line is an error naming it.
pub fn read(path: &Path) -> anyhow::Result<Vec<Row>> {
    let text =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map_err(|e| anyhow::anyhow!("{}:{}: not a result row: {e}", path.display(), i + 1))
        })
        .collect()
}

/// A number with a sensible number of digits.
pub fn fmt_num(x: f64) -> String {
    let a = x.abs();
    if a >= 1000.0 {
        let s = format!("{:.0}", x);
        // Thin groups of three for readability.
        let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push('\u{202f}');
            }
            out.push(c);
        }
        format!("{sign}{out}")
    } else if a >= 100.0 {
        format!("{x:.0}")
    } else if a >= 10.0 {
        format!("{x:.1}")
    } else if a >= 1.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.3}")
    }
}

/// A count, grouped by thousands like [`fmt_num`].
pub fn fmt_int(x: u64) -> String {
    if x >= 1000 {
        fmt_num(x as f64)
    } else {
        x.to_string()
    }
}

/// Renders the rows as the Markdown document `bench/RESULTS.md`.
pub fn render(rows: &[Row], preamble: &str) -> String {
    let mut s = String::new();
    s.push_str("# Benchmark results\n\n");
    s.push_str(
        "Generated by `scripts/bench.sh` (`lumen-bench all`, then `lumen-bench render`); \
         do not edit by hand. Every reference figure was measured in the same run on the \
         same machine, or is the acceptance target of the issue when no peer exists.\n\n",
    );
    if !preamble.trim().is_empty() {
        s.push_str(preamble.trim());
        s.push_str("\n\n");
    }
    s.push_str("| what | workload | our figure | reference figure | ratio | target met? | machine | date |\n");
    s.push_str("|---|---|---|---|---|---|---|---|\n");
    for r in rows {
        let reference = match r.reference {
            Some(v) => format!("{} {} ({})", fmt_num(v), r.unit, r.reference_label),
            None => r.reference_label.clone(),
        };
        let met = match r.met {
            Some(true) => format!("yes ({})", r.target),
            Some(false) => format!("**no** ({})", r.target),
            None => "n/a".into(),
        };
        s.push_str(&format!(
            "| {} | {} | {} {} | {} | {} | {} | {} | {} |\n",
            esc(&r.what),
            esc(&r.workload),
            fmt_num(r.ours),
            esc(&r.unit),
            esc(&reference),
            r.ratio
                .map(|x| format!("{x:.2}"))
                .unwrap_or_else(|| "-".into()),
            esc(&met),
            esc(&r.machine),
            esc(&r.date),
        ));
    }
    let notes: Vec<&Row> = rows.iter().filter(|r| !r.note.is_empty()).collect();
    if !notes.is_empty() {
        s.push_str("\n## Notes\n\n");
        for r in notes {
            s.push_str(&format!("- **{}**: {}\n", r.what, r.note.trim()));
        }
    }
    s
}

fn esc(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// `nproc`, CPU model and RAM of this machine.
pub fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let ram_gib = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0 / 1024.0);
    format!("{cpus} cores, {model}, {ram_gib:.0} GiB RAM")
}

/// The current UTC time as `YYYY-MM-DD HH:MM UTC`.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        rem / 3_600,
        rem % 3_600 / 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_numbers_render() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_413), (2025, 11, 21));
        assert_eq!(fmt_num(20_000.4), "20\u{202f}000");
        assert_eq!(fmt_num(0.5), "0.500");
        assert_eq!(fmt_num(12.34), "12.3");
    }

    #[test]
    fn rows_round_trip_and_render_a_table() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.jsonl");
        let row = Row::new("ingest", "1M events", 25_000.0, "events/s")
            .reference(40_000.0, "COPY")
            .target(">= 0.5 of COPY", true)
            .note("shared CPU");
        append(&path, &row).unwrap();
        let back = read(&path).unwrap();
        assert_eq!(back, vec![row]);
        let md = render(&back, "");
        assert!(md.contains("| ingest | 1M events | 25\u{202f}000 events/s | 40\u{202f}000 events/s (COPY) | 0.62 | yes (>= 0.5 of COPY) |"), "{md}");
        assert!(md.contains("- **ingest**: shared CPU"));
    }
}

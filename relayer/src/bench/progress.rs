//! Progress lines on stderr while the benchmark runs: redrawn in place on a
//! terminal, one line per kernel otherwise.

use std::io::{IsTerminal, Write};

/// Where the benchmark is, for people watching it.
pub(crate) struct Progress {
    /// Whether to print at all.
    on: bool,
    /// Whether stderr is a terminal: only then are runs redrawn in place.
    tty: bool,
    step: usize,
}

impl Progress {
    /// The kernels, one step each.
    const STEPS: usize = 4;

    /// Progress for one benchmark; silent unless `on`.
    pub(crate) fn new(on: bool) -> Progress {
        Progress {
            on,
            tty: std::io::stderr().is_terminal(),
            step: 0,
        }
    }

    /// A kernel starts.
    pub(crate) fn begin(&mut self, name: &str) {
        self.step += 1;
        if self.on && self.tty {
            eprint!("[{}/{}] {name} ...", self.step, Self::STEPS);
            let _ = std::io::stderr().flush();
        }
    }

    /// Timed run `run` of `runs` took `secs`.
    pub(crate) fn run(&self, name: &str, run: u32, runs: u32, secs: f64) {
        if self.on && self.tty {
            eprint!(
                "\r[{}/{}] {name}: run {run}/{runs} {:.2} ms   ",
                self.step,
                Self::STEPS,
                secs * 1e3
            );
            let _ = std::io::stderr().flush();
        }
    }

    /// A kernel finished with `value`.
    pub(crate) fn done(&self, name: &str, value: &str) {
        if self.on && self.tty {
            eprintln!(
                "\r[{}/{}] {name}: {value}          ",
                self.step,
                Self::STEPS
            );
        } else if self.on {
            eprintln!("[{}/{}] {name}: {value}", self.step, Self::STEPS);
        }
    }
}

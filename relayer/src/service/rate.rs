//! Per-client request rates: a token bucket per network address (a machine,
//! as the machine rules count it: an IPv6 address by its /64 prefix) and
//! class of request, so that one client flooding the service with
//! challenge requests or answers to verify is refused (429 with
//! `Retry-After`) while every other client keeps its own rate.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A sustained rate and the burst above it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    /// Requests per second, sustained.
    pub per_sec: f64,
    /// Requests that may arrive at once after a quiet spell.
    pub burst: f64,
}

/// The rates one network address may send at.
#[derive(Debug, Clone, PartialEq)]
pub struct RateLimits {
    /// Challenge requests (`/v1/challenges`, `/v1/challenges/round`): a
    /// machine attests now and then, all its devices in one round.
    pub challenges: Rate,
    /// Answers and polls (`/v1/reports`, `/v1/reports/openings`,
    /// `/v1/liveness`, `/v1/liveness/answers`, `/v1/liveness/openings`): each
    /// answer costs the service a signature check and a recomputation; a
    /// machine of 64 devices polling every 5 s sends about 13 polls a second.
    pub answers: Rate,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            challenges: Rate {
                per_sec: 1.0,
                burst: 10.0,
            },
            answers: Rate {
                per_sec: 20.0,
                burst: 60.0,
            },
        }
    }
}

/// Which bucket a request takes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Class {
    Challenges,
    Answers,
}

impl Class {
    pub(super) fn name(self) -> &'static str {
        match self {
            Class::Challenges => "challenges",
            Class::Answers => "answers",
        }
    }
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Buckets kept before idle ones (refilled to their burst) are dropped.
const MAX_BUCKETS: usize = 100_000;

/// The buckets of every address.
pub(super) struct Limiter {
    limits: RateLimits,
    buckets: Mutex<HashMap<(Class, IpAddr), Bucket>>,
}

impl Limiter {
    pub(super) fn new(limits: RateLimits) -> Limiter {
        Limiter {
            limits,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    fn rate(&self, class: Class) -> Rate {
        match class {
            Class::Challenges => self.limits.challenges,
            Class::Answers => self.limits.answers,
        }
    }

    /// Takes a token from `machine`'s bucket of `class`; when it is empty,
    /// how long until the next token.
    pub(super) fn take(&self, class: Class, machine: IpAddr) -> Result<(), Duration> {
        let rate = self.rate(class);
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= MAX_BUCKETS {
            // Only buckets that refilled completely go: they hold nothing
            // a new bucket would not.
            let limits = &self.limits;
            buckets.retain(|(c, _), b| {
                let r = match c {
                    Class::Challenges => limits.challenges,
                    Class::Answers => limits.answers,
                };
                b.tokens + now.duration_since(b.at).as_secs_f64() * r.per_sec < r.burst
            });
        }
        let bucket = buckets.entry((class, machine)).or_insert(Bucket {
            tokens: rate.burst,
            at: now,
        });
        let refill = now.duration_since(bucket.at).as_secs_f64() * rate.per_sec;
        bucket.tokens = (bucket.tokens + refill).min(rate.burst);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            return Ok(());
        }
        let wait = (1.0 - bucket.tokens) / rate.per_sec.max(1e-9);
        Err(Duration::from_secs_f64(wait.min(86_400.0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_allows_its_burst_then_its_rate_and_each_address_has_its_own() {
        let limiter = Limiter::new(RateLimits {
            challenges: Rate {
                per_sec: 10.0,
                burst: 3.0,
            },
            ..RateLimits::default()
        });
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        for _ in 0..3 {
            limiter.take(Class::Challenges, a).unwrap();
        }
        let wait = limiter.take(Class::Challenges, a).unwrap_err();
        assert!(wait <= Duration::from_millis(100), "{wait:?}");
        limiter.take(Class::Challenges, b).unwrap();
        limiter.take(Class::Answers, a).unwrap();
        std::thread::sleep(Duration::from_millis(120));
        limiter.take(Class::Challenges, a).unwrap();
    }
}

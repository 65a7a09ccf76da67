//! Request rates: a token bucket per key (client IP for every request, the
//! signing account for writes). Each key may burst to `burst` requests and
//! then gets `per_sec` a second; an empty bucket answers 429 with the
//! seconds until the next token.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Buckets beyond this many are pruned (full ones first), so a flood of
/// distinct keys cannot grow the map without bound.
const MAX_KEYS: usize = 100_000;

/// A rate limiter.
#[derive(Debug)]
pub struct RateLimiter {
    per_sec: f64,
    burst: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl RateLimiter {
    /// `per_sec` sustained, `burst` at once; `per_sec = 0` turns it off.
    pub fn new(per_sec: f64, burst: u32) -> Self {
        Self {
            per_sec,
            burst: f64::from(burst.max(1)),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes a token for `key`, or says how long until one is free.
    pub fn check(&self, key: &str) -> Result<(), Duration> {
        if self.per_sec <= 0.0 {
            return Ok(());
        }
        let now = Instant::now();
        let mut buckets = self.buckets.lock().expect("rate limiter");
        if buckets.len() >= MAX_KEYS && !buckets.contains_key(key) {
            let (per_sec, burst) = (self.per_sec, self.burst);
            buckets
                .retain(|_, (tokens, at)| *tokens + at.elapsed().as_secs_f64() * per_sec < burst);
        }
        let (tokens, at) = buckets.entry(key.to_string()).or_insert((self.burst, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * self.per_sec).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - *tokens) / self.per_sec))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burst_then_refusal_then_refill() {
        let l = RateLimiter::new(10.0, 3);
        for _ in 0..3 {
            l.check("a").unwrap();
        }
        let wait = l.check("a").unwrap_err();
        assert!(wait <= Duration::from_millis(100), "{wait:?}");
        // Another key has its own bucket.
        l.check("b").unwrap();
        std::thread::sleep(Duration::from_millis(120));
        l.check("a").unwrap();
        // Off.
        let off = RateLimiter::new(0.0, 1);
        for _ in 0..100 {
            off.check("a").unwrap();
        }
    }
}

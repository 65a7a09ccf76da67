//! Small enums the contract encodes as integers.

/// A job's `status` (`escrow::JobInfo.status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum JobStatus {
    /// Created and funded, waiting for an offer to be accepted.
    Open = 0,
    /// A worker accepted an offer.
    Assigned = 1,
    /// The worker submitted; the review window runs.
    Submitted = 2,
    /// Paid out.
    Completed = 3,
    /// Cancelled while open.
    Cancelled = 4,
    /// Reclaimed after a missed deadline.
    Reclaimed = 5,
    /// Under dispute.
    Disputed = 6,
    /// Settled by an arbiter.
    Resolved = 7,
    /// The creator accepted fewer frames than submitted; the worker's response window runs.
    PartiallyAccepted = 8,
}

impl JobStatus {
    /// The status for a code, if it is one.
    pub fn from_code(code: u8) -> Option<Self> {
        use JobStatus::*;
        [
            Open,
            Assigned,
            Submitted,
            Completed,
            Cancelled,
            Reclaimed,
            Disputed,
            Resolved,
            PartiallyAccepted,
        ]
        .get(code as usize)
        .copied()
    }

    /// Lower-case name (`open`, `assigned`…), as explorers show it.
    pub fn as_str(self) -> &'static str {
        use JobStatus::*;
        match self {
            Open => "open",
            Assigned => "assigned",
            Submitted => "submitted",
            Completed => "completed",
            Cancelled => "cancelled",
            Reclaimed => "reclaimed",
            Disputed => "disputed",
            Resolved => "resolved",
            PartiallyAccepted => "partially_accepted",
        }
    }

    /// Whether nothing can happen to the job any more.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            JobStatus::Completed
                | JobStatus::Cancelled
                | JobStatus::Reclaimed
                | JobStatus::Resolved
        )
    }
}

/// The role a VIP pass is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum VipRole {
    /// A creator (spends on jobs).
    Creator = 0,
    /// A worker (renders).
    Worker = 1,
}

impl VipRole {
    /// The role for a code, if it is one.
    pub fn from_code(code: u8) -> Option<Self> {
        match code {
            0 => Some(VipRole::Creator),
            1 => Some(VipRole::Worker),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for c in 0..9u8 {
            assert_eq!(JobStatus::from_code(c).unwrap() as u8, c);
        }
        assert_eq!(JobStatus::from_code(9), None);
        assert!(!JobStatus::PartiallyAccepted.is_final());
        assert_eq!(VipRole::from_code(1), Some(VipRole::Worker));
        assert_eq!(VipRole::from_code(2), None);
        assert!(JobStatus::Resolved.is_final() && !JobStatus::Disputed.is_final());
    }
}

//! Small enums the contract encodes as integers.

/// A job's `status` (`escrow::JobInfo.status`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum JobStatus {
    /// Created and funded, waiting for an offer to be accepted.
    #[default]
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

/// How the creator authorised an assignment (`JobAssigned.offer_kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum OfferKind {
    /// A signed BCS `AssignmentOffer` (`escrow::accept_offer`).
    Signed = 0,
    /// An offer signed through a wallet's `signMessage` (`offers::accept_offer_envelope`).
    WalletEnvelope = 1,
    /// An offer published on chain (`offers::publish_offer`, `accept_published_offer`).
    OnChain = 2,
}

impl OfferKind {
    /// The kind for a code, if it is one.
    pub fn from_code(code: u8) -> Option<Self> {
        [Self::Signed, Self::WalletEnvelope, Self::OnChain]
            .get(code as usize)
            .copied()
    }

    /// Lower-case name (`signed`, `wallet_envelope`, `on_chain`), as explorers show it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Signed => "signed",
            Self::WalletEnvelope => "wallet_envelope",
            Self::OnChain => "on_chain",
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
        for c in 0..3u8 {
            assert_eq!(OfferKind::from_code(c).unwrap() as u8, c);
        }
        assert_eq!(OfferKind::from_code(3), None);
        assert_eq!(OfferKind::OnChain.as_str(), "on_chain");
    }
}

//! Every abort of the Move package: module, constant name, reason, category,
//! the description (the constant's doc comment) and the VM status string a
//! node reports for it.
//!
//! A transaction that aborts with `error::invalid_state(EWrongStatus)` in
//! `escrow` reports the code `category × 0x10000 + reason` (`0x30004`) and, on
//! the REST API, the VM status
//! `Move abort in 0xcafe::escrow: EWrongStatus(0x30004): The job is not in a status that allows this call.`
//! ([`AbortCode::vm_status`]). One constant per abort, named as in Move
//! (`errors::escrow::EWrongStatus`), so a reviewer can grep an abort's name
//! and find it only in `move/sources`, here and where it is raised.
//! [`ABORTS`] lists them all in the tables' order of `move/README.md`;
//! `sdk/tests/interface.rs` checks both against `move/sources`. The few
//! framework aborts a Lumen call can end in are [`FRAMEWORK_ABORTS`].

use crate::package::Package;

/// `std::error` categories the package uses (the high half of an abort code).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u64)]
pub enum Category {
    /// `error::invalid_argument` (1).
    InvalidArgument = 1,
    /// `error::out_of_range` (2).
    OutOfRange = 2,
    /// `error::invalid_state` (3).
    InvalidState = 3,
    /// `error::permission_denied` (5).
    PermissionDenied = 5,
    /// `error::not_found` (6).
    NotFound = 6,
    /// `error::already_exists` (8).
    AlreadyExists = 8,
}

impl Category {
    /// The category for its number, if the package uses it.
    pub fn from_code(code: u64) -> Option<Self> {
        use Category::*;
        [
            InvalidArgument,
            OutOfRange,
            InvalidState,
            PermissionDenied,
            NotFound,
            AlreadyExists,
        ]
        .into_iter()
        .find(|c| *c as u64 == code)
    }
}

/// One abort: where it is raised and what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AbortCode {
    /// Address of a framework module (`"0x1"`), or `None` for the package's own modules.
    pub framework: Option<&'static str>,
    /// The Move module raising it (`escrow`).
    pub module: &'static str,
    /// The constant's name (`EWrongStatus`).
    pub name: &'static str,
    /// The constant's value.
    pub reason: u64,
    /// The `std::error` category it is wrapped in.
    pub category: Category,
    /// The constant's doc comment, which a node shows in the VM status.
    pub description: &'static str,
}

impl AbortCode {
    /// The abort code a transaction reports: `category × 0x10000 + reason`.
    pub const fn code(&self) -> u64 {
        (self.category as u64) * 0x10000 + self.reason
    }

    /// `address::module` as a node prints an abort's location (short address).
    pub fn location(&self, package: &Package) -> String {
        match self.framework {
            Some(address) => format!("{address}::{}", self.module),
            None => format!("{}::{}", package.address.to_short_string(), self.module),
        }
    }

    /// The `vm_status` of a transaction that aborted with this code.
    pub fn vm_status(&self, package: &Package) -> String {
        format!(
            "Move abort in {}: {}({:#x}): {}",
            self.location(package),
            self.name,
            self.code(),
            self.description
        )
    }
}

impl std::fmt::Display for AbortCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}::{} ({:#x})", self.module, self.name, self.code())
    }
}

/// The package's abort with this module and code (`code()`, not the reason).
pub fn find(module: &str, code: u64) -> Option<&'static AbortCode> {
    ABORTS
        .iter()
        .chain(FRAMEWORK_ABORTS)
        .find(|a| a.module == module && a.code() == code)
}

/// The abort a `vm_status` string reports, when it is one of [`ABORTS`] or
/// [`FRAMEWORK_ABORTS`] (`Move abort in 0xcafe::escrow: EWrongStatus(0x30004): …`).
pub fn from_vm_status(package: &Package, vm_status: &str) -> Option<&'static AbortCode> {
    let rest = vm_status.strip_prefix("Move abort in ")?;
    let (location, rest) = rest.split_once(": ")?;
    let (name, _) = rest.split_once('(')?;
    ABORTS
        .iter()
        .chain(FRAMEWORK_ABORTS)
        .find(|a| a.name == name && a.location(package) == location)
}

macro_rules! aborts {
    ($(
        $module:ident {
            $( $name:ident = $reason:literal, $category:ident, $description:literal; )*
        }
    )*) => {
        $(
            #[doc = concat!("Aborts of the `", stringify!($module), "` module.")]
            #[allow(non_upper_case_globals)]
            pub mod $module {
                use super::{AbortCode, Category};
                $(
                    #[doc = $description]
                    pub const $name: AbortCode = AbortCode {
                        framework: None,
                        module: stringify!($module),
                        name: stringify!($name),
                        reason: $reason,
                        category: Category::$category,
                        description: $description,
                    };
                )*
            }
        )*

        /// Every abort of the package, module by module in `move/README.md`'s order.
        pub const ABORTS: &[AbortCode] = &[$($($module::$name,)*)*];
    };
}

aborts! {
    config {
        ENotAdmin = 1, PermissionDenied, "The caller is not the admin.";
        ENotDeployer = 2, PermissionDenied, "Only the package account `@lumen` may initialise the configuration.";
        EAlreadyInitialized = 3, AlreadyExists, "The configuration is already initialised.";
        ENotInitialized = 4, NotFound, "The configuration is not initialised yet.";
        EPaused = 5, InvalidState, "The protocol is paused.";
        ENotPendingAdmin = 6, PermissionDenied, "The caller is not the proposed admin.";
        EUnknownParam = 7, InvalidArgument, "No parameter has this name.";
        EParamOutOfRange = 8, OutOfRange, "The value is outside the parameter's bounds.";
        EAttesterExists = 9, AlreadyExists, "The address is already an attester.";
        EAttesterNotFound = 10, NotFound, "The address is not an attester.";
        EZeroAddress = 11, InvalidArgument, "The zero address is not a valid treasury, arbiter, admin or attester.";
        EArbiterExists = 12, AlreadyExists, "The address is already an arbiter.";
        EArbiterNotFound = 13, NotFound, "The address is not an arbiter.";
        EParamFixed = 14, InvalidState, "The parameter is fixed at initialisation (`epoch_secs`).";
        ENoPendingChange = 15, NotFound, "No change of this parameter is queued.";
        EChangeNotDue = 16, InvalidState, "The queued change's delay has not passed yet.";
    }
    attestation {
        ENotAttester = 1, PermissionDenied, "The caller is not an authorised attester.";
        EInvalidPublicKey = 2, InvalidArgument, "The public key is not 32 bytes of a valid ed25519 point.";
        ENoDeviceKey = 3, NotFound, "The worker has registered no device key.";
        EPublicKeyMismatch = 4, InvalidArgument, "The public key is not the worker's registered device key.";
        EInvalidSignature = 5, InvalidArgument, "The signature is malformed or does not verify over the report.";
        EStaleReport = 6, InvalidArgument, "The report's `measured_at` is older than `report_max_age_secs`.";
        EFutureReport = 7, InvalidArgument, "The report's `measured_at` is more than 300 s in the future.";
        ENonceTooLow = 8, InvalidArgument, "The nonce is not above the worker's last accepted nonce.";
        EDeviceBound = 9, AlreadyExists, "The device is bound to another worker.";
        EReportMismatch = 10, InvalidArgument, "A round with this nonce exists for a different report.";
        EAlreadyApproved = 11, AlreadyExists, "This attester already approved this report, or already asked to revoke it.";
        ENotAuthorized = 12, PermissionDenied, "Only the admin or an attester may revoke.";
        ENoScore = 13, NotFound, "The worker has no effective report.";
        EAlreadyRevoked = 14, InvalidState, "The worker's current score is already revoked.";
        EInvalidReport = 15, InvalidArgument, "Score 0, empty or over-long device id, or over-long GPU model.";
        EDeviceKeyTaken = 16, AlreadyExists, "Another worker registered this device key.";
        EDeviceNotBound = 17, NotFound, "The device is not bound, or not to the caller's current report.";
        ENotReleasable = 18, InvalidState, "The device's report is revoked, or its score has not been expired for `device_release_grace_secs`.";
    }
    staking {
        EZeroAmount = 1, InvalidArgument, "The amount must be above zero.";
        EInsufficientStake = 2, InvalidArgument, "The worker's bonded stake is below the requested amount.";
        ENothingToWithdraw = 3, InvalidState, "The worker has nothing unbonding.";
        EUnbondingNotOver = 4, InvalidState, "The unbonding period has not passed yet.";
        EInsufficientPenalties = 5, InvalidArgument, "The penalty pool holds less than the requested amount.";
        EStakeLocked = 6, InvalidState, "The request would take the bonded stake below the collateral locked for active jobs.";
        EInsufficientCollateral = 7, InvalidState, "The worker's free stake (bonded minus locked) does not cover a new job's collateral.";
    }
    escrow {
        EZeroFrames = 1, InvalidArgument, "A job needs at least one frame.";
        EPriceBelowMin = 2, InvalidArgument, "The price per frame is below the protocol minimum `min_price_per_frame`.";
        EDepositTooLarge = 3, OutOfRange, "`frames * max_price_per_frame` does not fit in a u64.";
        EWrongStatus = 4, InvalidState, "The job is not in a status that allows this call.";
        ENotCreator = 5, PermissionDenied, "Only the job's creator may call this (now).";
        ENotWorker = 6, PermissionDenied, "Only the job's worker may call this (now).";
        ENotParty = 7, PermissionDenied, "Only the job's creator or worker may call this.";
        ENotArbiter = 8, PermissionDenied, "Only a member of the arbiter set may call this.";
        EOfferExpired = 9, InvalidArgument, "The offer has expired.";
        EBadDeadline = 10, InvalidArgument, "The render deadline is not in the future.";
        EPriceAboveMax = 11, InvalidArgument, "The offered price exceeds the job's maximum price per frame.";
        ENonceUsed = 12, AlreadyExists, "The creator already used (or burnt) this offer nonce.";
        EWrongPublicKey = 13, PermissionDenied, "The public key is not the creator's current authentication key.";
        EBadSignature = 14, InvalidArgument, "The signature does not verify over the offer.";
        ENotEligible = 15, PermissionDenied, "The worker is not eligible (stake below the minimum or no valid score).";
        EScoreTooLow = 16, InvalidArgument, "The worker's score is below the job's minimum.";
        EVramTooLow = 17, InvalidArgument, "The worker's VRAM is below the job's minimum.";
        ESelfAssignment = 18, InvalidArgument, "A creator cannot take its own job.";
        EBadFrames = 19, InvalidArgument, "The frame count is zero or above what the job allows.";
        EDeadlinePassed = 20, InvalidState, "The render deadline has passed.";
        EReviewWindowClosed = 21, InvalidState, "The review window has closed.";
        EReviewWindowOpen = 22, InvalidState, "The review window is still open.";
        ETooManyRerenders = 23, OutOfRange, "The job reached its `max_rerenders`.";
        EDeadlineNotPassed = 24, InvalidState, "The render deadline has not passed yet.";
        EDisputeTimeoutNotPassed = 25, InvalidState, "The dispute timeout has not passed yet.";
        ERerenderTooShort = 26, InvalidArgument, "The rerender deadline gives the worker less than the job's `min_rerender_secs`.";
        EAlreadyDelivered = 27, InvalidState, "The job delivered a result: a missed rerender deadline is disputed, never reclaimed.";
        EResponseWindowClosed = 28, InvalidState, "The worker's response window has closed.";
        EResponseWindowOpen = 29, InvalidState, "The worker's response window is still open.";
        ENothingClaimable = 30, NotFound, "The caller has no claimable balance.";
    }
    rewards {
        ENotAttester = 1, PermissionDenied, "The caller is not an authorised attester.";
        ELengthMismatch = 2, InvalidArgument, "`workers` and `online_secs` differ in length.";
        EEpochNotEnded = 3, InvalidState, "The epoch has not ended yet.";
        EEpochClosed = 4, InvalidState, "The epoch is already closed (or lies before rewards began).";
        EZeroAmount = 6, InvalidArgument, "The amount is zero.";
        ETooEarlyToClose = 7, InvalidState, "The epoch's grace period has not passed yet.";
        EEpochNotClosed = 8, InvalidState, "The epoch is not closed yet.";
        EAlreadyClaimed = 9, AlreadyExists, "The worker already claimed this epoch.";
        ENothingToClaim = 10, NotFound, "The worker has nothing to claim in this epoch.";
        EEpochOutOfOrder = 11, InvalidState, "An earlier epoch is still open: epochs close in order.";
        EEpochOutOfRange = 12, OutOfRange, "Only the current epoch and the next `MAX_FUTURE_EPOCHS` can be funded.";
    }
    vip {
        EInvalidRole = 1, InvalidArgument, "The role is neither 0 (creator) nor 1 (worker).";
        EAlreadyHasPass = 2, AlreadyExists, "The holder already has a pass for this role.";
        ENotEligible = 3, PermissionDenied, "The caller does not meet the role's requirements.";
        ENoPass = 4, NotFound, "The holder has no pass for this role.";
        EStillEligible = 5, InvalidState, "The holder still qualifies, so its pass does not expire.";
        EBanned = 6, PermissionDenied, "The admin revoked this holder's pass for this role; it may not claim again.";
        ENotBanned = 7, NotFound, "The holder is not banned from this role.";
    }
    campaign {
        ENotOperator = 1, PermissionDenied, "The caller is not the campaign operator.";
        ENotActive = 2, InvalidState, "Now is outside the campaign period.";
        EAlreadyCheckedIn = 3, AlreadyExists, "The user already checked in this UTC day.";
        EInsufficientPool = 5, InvalidState, "The pool does not hold enough for this payment (or the sweep would take what the leaderboard may be owed).";
        EZeroAmount = 6, InvalidArgument, "The amount is zero.";
        ETaskAlreadyGranted = 7, AlreadyExists, "This social task was already granted to this user.";
        EZeroPoints = 8, InvalidArgument, "Zero points.";
        EAlreadyReferred = 9, AlreadyExists, "The user already registered a referrer.";
        ESelfReferral = 10, InvalidArgument, "A user cannot refer itself.";
        ECircularReferral = 11, InvalidArgument, "The referrer did not join the campaign before the caller (referrals point to earlier participants, so no loop can form).";
        EAlreadyPaid = 17, AlreadyExists, "The leaderboard was already paid.";
        ENotEnded = 18, InvalidState, "The campaign and its grace period have not ended (or it has no period yet).";
        EBadPeriod = 19, InvalidArgument, "`start` is not before `end`.";
        EBadTiers = 20, InvalidArgument, "The tier amounts are not 5 non-increasing values.";
        EZeroAddress = 22, InvalidArgument, "The zero address is not a valid operator or referrer.";
        EAlreadyStarted = 23, InvalidState, "The campaign period has started: its terms no longer change.";
    }
    offers {
        ENotCreator = 1, PermissionDenied, "Only the job's creator may publish an offer for it.";
        ENoPublishedOffer = 2, NotFound, "The creator has published no offer for this job.";
        EOfferMismatch = 3, InvalidArgument, "The caller or a restated term is not the published offer's.";
        EWrongPublicKey = 4, PermissionDenied, "The public key is not the creator's current authentication key.";
        EBadSignature = 5, InvalidArgument, "The signature does not verify over the offer's wallet envelope.";
    }
    offer_auth {
        EHeaderLineBreak = 1, InvalidArgument, "A wallet envelope line (`address` or `application`) holds a line break.";
        EHeaderAddress = 2, InvalidArgument, "The envelope's `address` line does not name the creator.";
        EUnknownScheme = 3, InvalidArgument, "The key scheme is not 0 (Ed25519), 2 (SingleKey) or 3 (MultiKey).";
        EMalformedPublicKey = 4, InvalidArgument, "The public key bytes do not parse for their scheme.";
        EMalformedSignature = 5, InvalidArgument, "The signature bytes do not parse for their scheme.";
        EUnsupportedKey = 6, InvalidArgument, "A key or signature type this contract cannot verify (only Ed25519 signs).";
    }
}

/// Aborts of framework modules a Lumen call can end in.
#[allow(non_upper_case_globals)]
pub mod framework {
    use super::{AbortCode, Category};

    const fn at(
        address: &'static str,
        module: &'static str,
        name: &'static str,
        reason: u64,
        category: Category,
        description: &'static str,
    ) -> AbortCode {
        AbortCode {
            framework: Some(address),
            module,
            name,
            reason,
            category,
            description,
        }
    }

    /// A primary store holds less than a transfer takes.
    pub const EINSUFFICIENT_BALANCE: AbortCode = at(
        "0x1",
        "fungible_asset",
        "EINSUFFICIENT_BALANCE",
        4,
        Category::InvalidArgument,
        "Insufficient balance to withdraw or transfer.",
    );
    /// A transfer from or into a primary store the asset's issuer froze.
    pub const ESTORE_IS_FROZEN: AbortCode = at(
        "0x1",
        "fungible_asset",
        "ESTORE_IS_FROZEN",
        3,
        Category::PermissionDenied,
        "Store is disabled from sending and receiving this fungible asset.",
    );
    /// An `Object<T>` argument names an address with no object.
    pub const EOBJECT_DOES_NOT_EXIST: AbortCode = at(
        "0x1",
        "object",
        "EOBJECT_DOES_NOT_EXIST",
        2,
        Category::NotFound,
        "An object does not exist at this address",
    );
    /// An `Object<T>` argument names an object without a `T`.
    pub const ERESOURCE_DOES_NOT_EXIST: AbortCode = at(
        "0x1",
        "object",
        "ERESOURCE_DOES_NOT_EXIST",
        7,
        Category::NotFound,
        "The resource is not stored at the specified address.",
    );
    /// A public key argument is not 32 bytes (`escrow::accept_offer`).
    pub const E_WRONG_PUBKEY_SIZE: AbortCode = at(
        "0x1",
        "ed25519",
        "E_WRONG_PUBKEY_SIZE",
        1,
        Category::InvalidArgument,
        "Wrong number of bytes were given as input when deserializing an Ed25519 public key.",
    );
    /// A signature argument is not 64 bytes (`escrow::accept_offer`).
    pub const E_WRONG_SIGNATURE_SIZE: AbortCode = at(
        "0x1",
        "ed25519",
        "E_WRONG_SIGNATURE_SIZE",
        2,
        Category::InvalidArgument,
        "Wrong number of bytes were given as input when deserializing an Ed25519 signature.",
    );
}

/// The framework aborts in [`framework`].
pub const FRAMEWORK_ABORTS: &[AbortCode] = &[
    framework::EINSUFFICIENT_BALANCE,
    framework::ESTORE_IS_FROZEN,
    framework::EOBJECT_DOES_NOT_EXIST,
    framework::ERESOURCE_DOES_NOT_EXIST,
    framework::E_WRONG_PUBKEY_SIZE,
    framework::E_WRONG_SIGNATURE_SIZE,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_vm_status() {
        assert_eq!(escrow::EWrongStatus.code(), 0x30004);
        assert_eq!(
            escrow::EWrongStatus.vm_status(&Package::DEV),
            "Move abort in 0xcafe::escrow: EWrongStatus(0x30004): The job is not in a status that allows this call."
        );
        assert_eq!(
            framework::EINSUFFICIENT_BALANCE.location(&Package::DEV),
            "0x1::fungible_asset"
        );
        assert_eq!(find("rewards", 0x80009), Some(&rewards::EAlreadyClaimed));
        assert_eq!(find("rewards", 0x9), None);
        let status = campaign::ESelfReferral.vm_status(&Package::DEV);
        assert_eq!(
            from_vm_status(&Package::DEV, &status),
            Some(&campaign::ESelfReferral)
        );
        assert_eq!(
            from_vm_status(&Package::new(AccountAddress::ONE), &status),
            None
        );
        assert_eq!(ABORTS.len(), 116);
    }

    #[test]
    fn one_code_per_module_and_name() {
        let mut seen = std::collections::BTreeSet::new();
        for a in ABORTS.iter().chain(FRAMEWORK_ABORTS) {
            assert!(seen.insert((a.module, a.code())), "{a} twice");
            assert_eq!(Category::from_code(a.category as u64), Some(a.category));
        }
    }

    use aptos_sdk::types::AccountAddress;
}

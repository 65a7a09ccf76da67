//! `vip`: a creator's and a worker's pass minted; a revocation bans until the
//! admin lifts it; a lapsed pass expires; every abort.

use lumen_model::vectors::{Vector, ATTESTER};
use lumen_sdk::errors::vip as e;
use lumen_sdk::params;
use lumen_sdk::payloads::{escrow, rewards, vip};

use super::{at, B, DAY, P, UNIT};

/// The epoch the fixture's clock starts in.
const EPOCH: u64 = 20_000;

pub fn cases() -> Vec<Vector> {
    let admin = P.address;
    let anyone = at(0x5ee);
    let mut v = vec![];
    // A paid creator (10 frames at 8 000) and a worker with a day of uptime in
    // EPOCH, under thresholds a test job can meet (worker VIP over one epoch).
    let passes = |name: &str, about: &str| {
        let (mut b, c, w, job) = B::submitted(name, about);
        b.set_params(&[
            (params::VIP_CREATOR_SPEND.name, 80_000),
            (params::VIP_WORKER_DAYS.name, 1),
        ]);
        b.ok(c.address, escrow::confirm(&P, job, 10));
        b.ok(
            ATTESTER,
            rewards::report_uptime(&P, EPOCH, &[w.address], &[60_000]),
        );
        (b, c, w)
    };

    let (mut b, c, w) = passes(
        "vip_creator_and_worker_passes",
        "a creator past the spend threshold and a worker with a day of uptime claim passes; a revoked holder claims again once the ban is lifted",
    );
    b.ok(c.address, vip::claim(&P, 0));
    b.ok(w.address, vip::claim(&P, 1));
    b.ok(admin, vip::revoke(&P, w.address, 1));
    b.ok(admin, vip::lift_ban(&P, w.address, 1));
    b.ok(w.address, vip::claim(&P, 1));
    v.push(b.done());

    let (mut b, _, w) = passes(
        "vip_revoked_holder_is_banned",
        "the admin's revocation bans the holder from the role",
    );
    b.ok(w.address, vip::claim(&P, 1));
    b.ok(admin, vip::revoke(&P, w.address, 1));
    v.push(b.fails(w.address, vip::claim(&P, 1), e::EBanned));

    let (mut b, _, w) = passes(
        "vip_lapsed_pass_expires",
        "a worker without uptime in the window loses its pass to anyone's expire",
    );
    b.ok(w.address, vip::claim(&P, 1));
    b.wait(DAY);
    b.ok(anyone, vip::expire(&P, w.address, 1));
    v.push(b.done());

    let (mut b, c, _) = passes(
        "vip_expire_eligible",
        "a pass whose holder still qualifies does not expire",
    );
    b.ok(c.address, vip::claim(&P, 0));
    v.push(b.fails(anyone, vip::expire(&P, c.address, 0), e::EStillEligible));

    let b = B::world("vip_lift_missing_ban", "only a ban is lifted");
    v.push(b.fails(admin, vip::lift_ban(&P, anyone, 1), e::ENotBanned));

    let b = B::world("vip_unknown_role", "roles are 0 (creator) and 1 (worker)");
    v.push(b.fails(admin, vip::claim(&P, 2), e::EInvalidRole));

    let (mut b, c, _, job) = B::submitted("vip_second_pass", "one pass per holder and role");
    b.set_params(&[(params::VIP_CREATOR_SPEND.name, 1)]);
    b.ok(c.address, escrow::confirm(&P, job, 10));
    b.ok(c.address, vip::claim(&P, 0));
    v.push(b.fails(c.address, vip::claim(&P, 0), e::EAlreadyHasPass));

    let mut b = B::world(
        "vip_not_eligible",
        "a creator who spent nothing has no pass",
    );
    b.account(super::keyed(1).address, UNIT);
    v.push(b.fails(super::keyed(1).address, vip::claim(&P, 0), e::ENotEligible));

    let b = B::world("vip_revoke_missing", "only a held pass is revoked");
    v.push(b.fails(admin, vip::revoke(&P, at(0x42), 0), e::ENoPass));
    v
}

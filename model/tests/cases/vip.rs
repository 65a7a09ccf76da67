//! `vip`: a creator's and a worker's pass minted, one revoked; every abort.

use lumen_model::vectors::{Vector, ATTESTER};
use lumen_sdk::errors::vip as e;
use lumen_sdk::params;
use lumen_sdk::payloads::{config, escrow, rewards, vip};

use super::{B, DAY, P, UNIT};

pub fn cases() -> Vec<Vector> {
    let admin = P.address;
    let mut v = vec![];

    let (mut b, c, w, job) = B::submitted(
        "vip_creator_and_worker_passes",
        "a creator past the spend threshold and a worker with a day of uptime claim passes; the admin revokes one",
    );
    b.ok(
        admin,
        config::set_param(&P, params::VIP_CREATOR_SPEND.name, 80_000),
    );
    b.ok(
        admin,
        config::set_param(&P, params::VIP_WORKER_DAYS.name, 1),
    );
    b.ok(c.address, escrow::confirm(&P, job, 10));
    b.ok(c.address, vip::claim(&P, 0));
    b.wait(DAY);
    b.ok(
        ATTESTER,
        rewards::report_uptime(&P, 20_000, &[w.address], &[60_000]),
    );
    b.ok(w.address, vip::claim(&P, 1));
    b.ok(admin, vip::revoke(&P, w.address, 1));
    b.ok(w.address, vip::claim(&P, 1));
    v.push(b.done());

    let b = B::world("vip_unknown_role", "roles are 0 (creator) and 1 (worker)");
    v.push(b.fails(admin, vip::claim(&P, 2), e::EInvalidRole));

    let (mut b, c, _, job) = B::submitted("vip_second_pass", "one pass per holder and role");
    b.ok(
        admin,
        config::set_param(&P, params::VIP_CREATOR_SPEND.name, 1),
    );
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
    v.push(b.fails(admin, vip::revoke(&P, super::at(0x42), 0), e::ENoPass));
    v
}

//! `rewards`: an epoch funded, earned (PoC and PoD), closed and claimed; a
//! rollover; a worker's lease capped at one epoch per epoch; every abort.

use lumen_model::vectors::{Vector, ATTESTER};
use lumen_sdk::errors::rewards as e;
use lumen_sdk::payloads::{escrow, rewards};

use super::{at, keyed, B, DAY, P, UNIT};

/// The epoch the fixture's clock starts in (1 728 000 000 / 86 400).
const EPOCH: u64 = 20_000;

pub fn cases() -> Vec<Vector> {
    let outsider = at(0xbad);
    let funder = keyed(5);
    let mut v = vec![];

    let (mut b, c, w, job) = B::submitted(
        "rewards_epoch_funded_earned_closed_claimed",
        "a paid job records PoD weight, uptime PoC weight; the closed epoch pays the worker both sides",
    );
    b.ok(c.address, rewards::fund_epoch(&P, EPOCH, 300 * UNIT));
    b.ok(c.address, escrow::confirm(&P, job, 10));
    b.wait(DAY);
    let report = rewards::report_uptime(&P, EPOCH, &[w.address, outsider], &[80_000, 90_000]);
    b.ok(ATTESTER, report);
    b.wait(3_600);
    b.ok(outsider, rewards::close_epoch(&P, EPOCH));
    b.ok(w.address, rewards::claim(&P, EPOCH));
    v.push(b.done());

    // Two jobs leased at once over two days, paid in the same epoch: the
    // first fills the worker's epoch of lease, the second adds nothing.
    let (creator, w) = (keyed(1), keyed(2));
    let mut b = B::world(
        "rewards_lease_capped_per_epoch",
        "a worker's lease in an epoch counts at most epoch_secs, however long or concurrent its paid jobs",
    );
    b.account(creator.address, 1_000 * UNIT);
    b.account(w.address, 1_000 * UNIT);
    b.eligible(&w, 2_430_000, 8_192, 2 * UNIT, 1);
    let jobs = [
        b.job(&creator, 1, 3 * UNIT, 0, 0),
        b.job(&creator, 1, 3 * UNIT, 0, 0),
    ];
    for (nonce, job) in (1..).zip(jobs) {
        let f = b.offer(
            &creator,
            job,
            w.address,
            2 * UNIT,
            b.now + 3 * DAY,
            b.now + 600,
            nonce,
        );
        b.ok(w.address, f);
    }
    b.wait(2 * DAY);
    for job in jobs {
        b.ok(w.address, escrow::submit_result(&P, job, 1, &[7; 32]));
        b.ok(creator.address, escrow::confirm(&P, job, 1));
    }
    v.push(b.done());

    let mut b = B::world(
        "rewards_uptime_by_two_of_three",
        "with threshold 2 a worker's uptime is the second largest vote: an inflated vote changes nothing",
    );
    let (second, third) = (at(0x7004), at(0x7005));
    let admin = P.address;
    b.ok(
        admin,
        lumen_sdk::payloads::config::set_param(&P, lumen_sdk::params::ATTESTER_THRESHOLD.name, 2),
    );
    b.ok(admin, lumen_sdk::payloads::config::add_attester(&P, second));
    b.ok(admin, lumen_sdk::payloads::config::add_attester(&P, third));
    b.wait(DAY);
    b.ok(
        second,
        rewards::report_uptime(&P, EPOCH, &[outsider], &[DAY]),
    );
    b.ok(
        ATTESTER,
        rewards::report_uptime(&P, EPOCH, &[outsider], &[40_000]),
    );
    b.ok(
        third,
        rewards::report_uptime(&P, EPOCH, &[outsider], &[41_000]),
    );
    v.push(b.done());

    let mut b = B::world(
        "rewards_rollover",
        "an epoch nobody earned in rolls its pool over to the next epoch closed",
    );
    b.account(funder.address, 500 * UNIT);
    b.ok(
        funder.address,
        rewards::fund_epoch(&P, EPOCH - 1, 100 * UNIT),
    );
    b.ok(funder.address, rewards::fund_epoch(&P, EPOCH, 50 * UNIT));
    b.wait(3_600);
    b.ok(outsider, rewards::close_epoch(&P, EPOCH - 1));
    b.wait(DAY);
    b.ok(
        ATTESTER,
        rewards::report_uptime(&P, EPOCH, &[outsider], &[DAY + 5]),
    );
    b.ok(outsider, rewards::close_epoch(&P, EPOCH));
    v.push(b.done());

    let with_funder = |name: &str, about: &str| {
        let mut b = B::world(name, about);
        b.account(funder.address, 500 * UNIT);
        b
    };
    let mut b = with_funder("rewards_report_by_outsider", "only attesters report uptime");
    b.wait(DAY);
    let f = rewards::report_uptime(&P, EPOCH, &[outsider], &[1]);
    v.push(b.fails(outsider, f, e::ENotAttester));

    let mut b = with_funder("rewards_report_lengths", "one value per worker");
    b.wait(DAY);
    let f = rewards::report_uptime(&P, EPOCH, &[outsider], &[1, 2]);
    v.push(b.fails(ATTESTER, f, e::ELengthMismatch));

    let b = with_funder(
        "rewards_report_running_epoch",
        "uptime of an epoch that has ended",
    );
    let f = rewards::report_uptime(&P, EPOCH, &[outsider], &[1]);
    v.push(b.fails(ATTESTER, f, e::EEpochNotEnded));

    let mut b = with_funder("rewards_fund_closed_epoch", "a closed epoch takes no funds");
    b.wait(3_600);
    b.ok(outsider, rewards::close_epoch(&P, EPOCH - 1));
    let f = rewards::fund_epoch(&P, EPOCH - 1, UNIT);
    v.push(b.fails(funder.address, f, e::EEpochClosed));

    let mut b = with_funder(
        "rewards_report_twice",
        "a worker is reported once per epoch",
    );
    b.wait(DAY);
    let f = rewards::report_uptime(&P, EPOCH, &[outsider, outsider], &[1, 2]);
    v.push(b.fails(ATTESTER, f, e::EAlreadyReported));

    let b = with_funder("rewards_fund_zero", "funding is above zero");
    v.push(b.fails(
        funder.address,
        rewards::fund_epoch(&P, EPOCH, 0),
        e::EZeroAmount,
    ));

    let mut b = with_funder(
        "rewards_close_in_grace",
        "close_epoch waits for the grace period",
    );
    b.wait(DAY + 3_599);
    v.push(b.fails(
        outsider,
        rewards::close_epoch(&P, EPOCH),
        e::ETooEarlyToClose,
    ));

    let b = with_funder("rewards_claim_open_epoch", "claims wait for the close");
    v.push(b.fails(outsider, rewards::claim(&P, EPOCH), e::EEpochNotClosed));

    let (mut b, c, w, job) = B::submitted("rewards_claim_twice", "a worker claims an epoch once");
    b.ok(c.address, rewards::fund_epoch(&P, EPOCH, 10 * UNIT));
    b.ok(c.address, escrow::confirm(&P, job, 10));
    b.wait(DAY + 3_600);
    b.ok(outsider, rewards::close_epoch(&P, EPOCH));
    b.ok(w.address, rewards::claim(&P, EPOCH));
    v.push(b.fails(w.address, rewards::claim(&P, EPOCH), e::EAlreadyClaimed));

    let mut b = with_funder("rewards_nothing_to_claim", "no weight, no claim");
    b.ok(funder.address, rewards::fund_epoch(&P, EPOCH - 1, UNIT));
    b.wait(3_600);
    b.ok(outsider, rewards::close_epoch(&P, EPOCH - 1));
    v.push(b.fails(outsider, rewards::claim(&P, EPOCH - 1), e::ENothingToClaim));
    v
}

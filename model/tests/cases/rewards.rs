//! `rewards`: an epoch funded, earned (PoC and PoD), closed and claimed; a
//! rollover; a worker's lease capped at one epoch per epoch, a job's at
//! `max_job_lease_secs` and split over its epochs; uptime from k
//! of n attesters (the k-th largest vote, the score at the epoch's end, no
//! weight without stake); epochs closed in order, after a fresh grace when a
//! pause ended; every abort.

use lumen_model::vectors::{Vector, ATTESTER};
use lumen_sdk::errors::{config as ce, rewards as e};
use lumen_sdk::params;
use lumen_sdk::payloads::{config, escrow, rewards};

use super::{at, keyed, B, DAY, P, UNIT};

/// The epoch the fixture's clock starts in (1 728 000 000 / 86 400).
const EPOCH: u64 = 20_000;
const GRACE: u64 = 3_600;

pub fn cases() -> Vec<Vector> {
    let admin = P.address;
    let outsider = at(0xbad);
    let funder = keyed(5);
    let worker = keyed(6);
    let (second, third) = (at(0x7004), at(0x7005));
    let mut v = vec![];

    let (mut b, c, w, job) = B::submitted(
        "rewards_epoch_funded_earned_closed_claimed",
        "a paid job records PoD weight, uptime PoC weight (none for the unstaked outsider); the closed epoch pays the worker both sides",
    );
    b.ok(c.address, rewards::fund_epoch(&P, EPOCH, 300 * UNIT));
    b.ok(c.address, escrow::confirm(&P, job, 10));
    b.wait(DAY);
    let report = rewards::report_uptime(&P, EPOCH, &[w.address, outsider], &[80_000, 90_000]);
    b.ok(ATTESTER, report);
    b.wait(GRACE);
    b.ok(outsider, rewards::close_epoch(&P, EPOCH));
    b.ok(w.address, rewards::claim(&P, EPOCH));
    v.push(b.done());

    // Two jobs leased at once over two days, paid in the same epoch: the
    // first fills the worker's epoch of lease, the second adds nothing.
    let (mut b, creator, w) = B::staffed(
        "rewards_lease_capped_per_epoch",
        "a worker's lease in an epoch counts at most epoch_secs, however long or concurrent its paid jobs",
    );
    let jobs = [
        b.job(&creator, 1, 3 * UNIT, 0, 0),
        b.job(&creator, 1, 3 * UNIT, 0, 0),
    ];
    for (nonce, job) in (1..).zip(jobs) {
        b.assign_within(&creator, &w, job, 2 * UNIT, (3 * DAY, 600), nonce);
    }
    b.wait(2 * DAY);
    for job in jobs {
        b.ok(w.address, escrow::submit_result(&P, job, 1, &[7; 32]));
        b.ok(creator.address, escrow::confirm(&P, job, 1));
    }
    v.push(b.done());

    // One job leased for two and a half days under a two-day maximum, paid
    // after the epoch its lease began in was closed: two days count, the part
    // in the open epoch before stays there, the closed epoch's part counts now.
    let (mut b, creator, w) = B::funded(
        "rewards_lease_capped_and_split",
        "a paid job's lease counts at most max_job_lease_secs, split over the epochs before its submission; \
         a closed epoch's part counts in the epoch of payment",
        1_000 * UNIT,
    );
    b.set_params(&[(params::MAX_JOB_LEASE_SECS.name, 2 * DAY)]);
    b.eligible(&w, 2_430_000, 8_192, 2 * UNIT, 1);
    let job = b.job(&creator, 1, 3 * UNIT, 0, 0);
    b.assign_within(&creator, &w, job, 2 * UNIT, (4 * DAY, 600), 1);
    b.wait((EPOCH + 3) * DAY + GRACE - b.now);
    b.ok(outsider, rewards::close_epoch(&P, EPOCH));
    b.ok(outsider, rewards::close_epoch(&P, EPOCH + 1));
    b.wait(DAY / 2 - GRACE);
    b.ok(w.address, escrow::submit_result(&P, job, 1, &[7; 32]));
    b.ok(creator.address, escrow::confirm(&P, job, 1));
    v.push(b.done());

    // A stronger score attested after acceptance: the job's PoD weight keeps
    // the score it was accepted with.
    let (mut b, creator, w) = B::staffed(
        "rewards_pod_score_at_acceptance",
        "a paid job's PoD weight uses the worker's score at acceptance, not a stronger one attested later",
    );
    let job = b.job(&creator, 1, 3 * UNIT, 0, 0);
    b.assign_within(&creator, &w, job, 2 * UNIT, (DAY, 600), 1);
    b.wait(3_600);
    b.give_score(&w, 10_690_000, 8_192, 1);
    b.ok(w.address, escrow::submit_result(&P, job, 1, &[7; 32]));
    b.ok(creator.address, escrow::confirm(&P, job, 1));
    v.push(b.done());

    let with_funder = |name: &str, about: &str| {
        let mut b = B::world(name, about);
        b.account(funder.address, 500 * UNIT);
        b.account(worker.address, 1_000 * UNIT);
        b
    };

    let mut b = with_funder(
        "rewards_rollover_in_order",
        "an epoch nobody earned in rolls its pool over to the next one, funded ahead",
    );
    b.eligible(&worker, 2_430_000, 8_192, 2 * UNIT, 1);
    b.ok(funder.address, rewards::fund_epoch(&P, EPOCH, 100 * UNIT));
    b.ok(
        funder.address,
        rewards::fund_epoch(&P, EPOCH + 1, 50 * UNIT),
    );
    b.wait(DAY + GRACE);
    b.ok(outsider, rewards::close_epoch(&P, EPOCH));
    b.wait(DAY);
    let f = rewards::report_uptime(&P, EPOCH + 1, &[worker.address], &[DAY + 5]);
    b.ok(ATTESTER, f);
    b.ok(outsider, rewards::close_epoch(&P, EPOCH + 1));
    b.ok(worker.address, rewards::claim(&P, EPOCH + 1));
    v.push(b.done());

    let mut b = with_funder(
        "rewards_uptime_by_two_of_three",
        "with threshold 2 a worker's uptime is the second largest vote: a lone low or inflated vote decides nothing; \
         the unstaked outsider's uptime takes effect with no weight",
    );
    b.eligible(&worker, 2_430_000, 8_192, 2 * UNIT, 1);
    b.ok(admin, config::add_attester(&P, second));
    b.ok(admin, config::add_attester(&P, third));
    b.set_params(&[(params::ATTESTER_THRESHOLD.name, 2)]);
    let f = rewards::report_uptime(&P, EPOCH, &[worker.address, outsider], &[1, DAY]);
    b.ok(ATTESTER, f);
    let f = rewards::report_uptime(&P, EPOCH, &[worker.address, outsider], &[80_000, 40_000]);
    b.ok(second, f);
    let f = rewards::report_uptime(&P, EPOCH, &[worker.address, outsider], &[79_000, 41_000]);
    b.ok(third, f);
    v.push(b.done());

    let mut b = with_funder(
        "rewards_pause_extends_the_grace",
        "a pause over the grace period gives reporters a fresh grace after it",
    );
    b.eligible(&worker, 2_430_000, 8_192, 2 * UNIT, 1);
    b.ok(funder.address, rewards::fund_epoch(&P, EPOCH, 10 * UNIT));
    b.wait(DAY);
    b.ok(admin, config::set_paused(&P, true));
    b.wait(2 * GRACE);
    b.ok(admin, config::set_paused(&P, false));
    b.ok(
        ATTESTER,
        rewards::report_uptime(&P, EPOCH, &[worker.address], &[DAY]),
    );
    b.wait(GRACE);
    b.ok(outsider, rewards::close_epoch(&P, EPOCH));
    v.push(b.done());

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

    let mut b = with_funder(
        "rewards_report_twice",
        "an attester votes once per worker and epoch: a repeat is skipped, the batch goes through",
    );
    b.wait(DAY);
    let f = rewards::report_uptime(&P, EPOCH, &[outsider, outsider], &[1, 2]);
    b.ok(ATTESTER, f);
    let f = rewards::report_uptime(&P, EPOCH, &[outsider], &[3]);
    b.ok(ATTESTER, f);
    v.push(b.done());

    let b = with_funder(
        "rewards_report_before_rewards_began",
        "epochs before initialize count as closed",
    );
    let f = rewards::report_uptime(&P, EPOCH - 1, &[outsider], &[1]);
    v.push(b.fails(ATTESTER, f, e::EEpochClosed));

    let mut b = with_funder("rewards_fund_past_epoch", "an ended epoch takes no funds");
    b.wait(DAY);
    let f = rewards::fund_epoch(&P, EPOCH, UNIT);
    v.push(b.fails(funder.address, f, e::EEpochOutOfRange));

    let b = with_funder(
        "rewards_fund_far_future",
        "funds reach at most 90 epochs ahead",
    );
    let f = rewards::fund_epoch(&P, EPOCH + 91, UNIT);
    v.push(b.fails(funder.address, f, e::EEpochOutOfRange));

    let mut b = with_funder("rewards_close_out_of_order", "epochs close in order");
    b.wait(2 * DAY + GRACE);
    let f = rewards::close_epoch(&P, EPOCH + 1);
    v.push(b.fails(outsider, f, e::EEpochOutOfOrder));

    let mut b = with_funder("rewards_close_twice", "an epoch closes once");
    b.wait(DAY + GRACE);
    b.ok(outsider, rewards::close_epoch(&P, EPOCH));
    v.push(b.fails(outsider, rewards::close_epoch(&P, EPOCH), e::EEpochClosed));

    let mut b = with_funder("rewards_close_while_paused", "no epoch closes while paused");
    b.wait(DAY + GRACE);
    b.ok(admin, config::set_paused(&P, true));
    v.push(b.fails(outsider, rewards::close_epoch(&P, EPOCH), ce::EPaused));

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
    b.wait(DAY + GRACE - 1);
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
    b.wait(DAY + GRACE);
    b.ok(outsider, rewards::close_epoch(&P, EPOCH));
    b.ok(w.address, rewards::claim(&P, EPOCH));
    v.push(b.fails(w.address, rewards::claim(&P, EPOCH), e::EAlreadyClaimed));

    let mut b = with_funder("rewards_nothing_to_claim", "no weight, no claim");
    b.ok(funder.address, rewards::fund_epoch(&P, EPOCH, UNIT));
    b.wait(DAY + GRACE);
    b.ok(outsider, rewards::close_epoch(&P, EPOCH));
    v.push(b.fails(outsider, rewards::claim(&P, EPOCH), e::ENothingToClaim));
    v
}

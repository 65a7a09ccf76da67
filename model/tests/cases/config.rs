//! `config`: the admin's moves, parameter changes through the queue, and
//! every abort of the module.

use lumen_model::vectors::{test_asset, Fixture, Vector, ARBITER, ATTESTER, TREASURY};
use lumen_sdk::errors::config as e;
use lumen_sdk::params;
use lumen_sdk::payloads::{config, staking};

use super::{at, B, P};

pub fn cases() -> Vec<Vector> {
    let admin = P.address;
    let outsider = at(0xbad);
    let next = at(0xad2);
    let mut v = vec![];

    let mut b = B::new(
        "config_initialize_sets_every_default",
        "initialize emits ConfigInitialized, ArbiterAdded and one ParamsUpdated per parameter",
        Fixture::Uninitialized,
    );
    b.ok(
        admin,
        config::initialize(&P, test_asset(), TREASURY, ARBITER),
    );
    v.push(b.done());

    let mut b = B::world(
        "config_admin_moves",
        "a two-step admin transfer; the new admin pauses, sets the treasury, the arbiter set, attesters, a parameter",
    );
    b.ok(admin, config::propose_admin(&P, next));
    b.ok(next, config::accept_admin(&P));
    b.ok(next, config::set_paused(&P, true));
    b.ok(next, config::set_paused(&P, false));
    b.ok(next, config::set_treasury(&P, at(0x7101)));
    b.ok(next, config::add_arbiter(&P, at(0x7102)));
    b.ok(next, config::remove_arbiter(&P, ARBITER));
    b.ok(next, config::add_attester(&P, at(0x7004)));
    b.ok(next, config::remove_attester(&P, ATTESTER));
    v.push(b.fails(admin, config::set_paused(&P, true), e::ENotAdmin));

    let mut b = B::world(
        "config_param_queue",
        "parameter changes wait for the delay: queued, replaced, cancelled, applied by anyone",
    );
    b.ok(admin, config::set_param(&P, params::SLASH_BPS.name, 2_500));
    b.wait(100);
    b.ok(admin, config::set_param(&P, params::SLASH_BPS.name, 3_000));
    b.ok(admin, config::set_param(&P, params::STAKE_FACTOR.name, 4));
    b.ok(admin, config::cancel_param(&P, params::STAKE_FACTOR.name));
    b.wait(params::PARAM_DELAY_SECS.default);
    b.ok(outsider, config::apply_param(&P, params::SLASH_BPS.name));
    v.push(b.fails(
        outsider,
        config::apply_param(&P, params::STAKE_FACTOR.name),
        e::ENoPendingChange,
    ));

    let mut b = B::world("config_apply_early", "a queued change waits for its delay");
    b.ok(admin, config::set_param(&P, params::SLASH_BPS.name, 2_500));
    b.wait(params::PARAM_DELAY_SECS.default - 1);
    let f = config::apply_param(&P, params::SLASH_BPS.name);
    v.push(b.fails(outsider, f, e::EChangeNotDue));

    let b = B::world("config_epoch_secs_fixed", "epoch numbers never change");
    let f = config::set_param(&P, params::EPOCH_SECS.name, 3_600);
    v.push(b.fails(admin, f, e::EParamFixed));

    let b = B::world(
        "config_time_param_bounded",
        "a time parameter past its bound (a review window of 30 days and a second)",
    );
    let f = config::set_param(&P, params::REVIEW_WINDOW_SECS.name, 30 * 86_400 + 1);
    v.push(b.fails(admin, f, e::EParamOutOfRange));

    let b = B::new(
        "config_not_initialized",
        "every config read before initialize aborts",
        Fixture::Uninitialized,
    );
    v.push(b.fails(admin, config::set_paused(&P, true), e::ENotInitialized));

    let b = B::world("config_initialize_by_another", "only @lumen initialises");
    let f = config::initialize(&P, test_asset(), TREASURY, ARBITER);
    v.push(b.fails(outsider, f, e::ENotDeployer));

    let b = B::world("config_initialize_twice", "initialize runs once");
    let f = config::initialize(&P, test_asset(), TREASURY, ARBITER);
    v.push(b.fails(admin, f, e::EAlreadyInitialized));

    let mut b = B::world("config_paused", "a paused protocol takes no new obligation");
    b.ok(admin, config::set_paused(&P, true));
    v.push(b.fails(outsider, staking::set_price(&P, 1), e::EPaused));

    let b = B::world(
        "config_accept_without_proposal",
        "only the proposed admin accepts",
    );
    v.push(b.fails(outsider, config::accept_admin(&P), e::ENotPendingAdmin));

    let b = B::world(
        "config_unknown_param",
        "set_param names an existing parameter",
    );
    v.push(b.fails(admin, config::set_param(&P, "nope", 1), e::EUnknownParam));

    let b = B::world(
        "config_param_out_of_range",
        "a share above 10 000 basis points",
    );
    let f = config::set_param(&P, params::WORKER_COMMISSION_BPS.name, 10_001);
    v.push(b.fails(admin, f, e::EParamOutOfRange));

    let b = B::world("config_attester_twice", "an attester is added once");
    v.push(b.fails(
        admin,
        config::add_attester(&P, ATTESTER),
        e::EAttesterExists,
    ));

    let b = B::world(
        "config_remove_unknown_attester",
        "only attesters are removed",
    );
    let f = config::remove_attester(&P, at(0x99));
    v.push(b.fails(admin, f, e::EAttesterNotFound));

    let b = B::world("config_arbiter_twice", "an arbiter is added once");
    v.push(b.fails(admin, config::add_arbiter(&P, ARBITER), e::EArbiterExists));

    let b = B::world("config_remove_unknown_arbiter", "only arbiters are removed");
    let f = config::remove_arbiter(&P, at(0x99));
    v.push(b.fails(admin, f, e::EArbiterNotFound));

    let b = B::world("config_zero_treasury", "the treasury is never @0x0");
    let f = config::set_treasury(&P, lumen_sdk::AccountAddress::ZERO);
    v.push(b.fails(admin, f, e::EZeroAddress));
    v
}

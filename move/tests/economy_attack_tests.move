#[test_only]
/// Attacks on the reward pools, each performed as an attacker would; every
/// test states what the attack must come to: nothing earned, or an abort.
module lumen::economy_attack_tests {
    use lumen::config;
    use lumen::escrow;
    use lumen::escrow_test_helpers as h;
    use lumen::rewards;
    use lumen::test_helpers as th;

    const DAY: u64 = 86_400;

    // 1. PoD weight is chosen by the parties --------------------------------------

    #[test]
    /// A colluding pair runs ten one-frame jobs at the floor price with 30-day render
    /// windows at once, each submitted just before its deadline: the worker's
    /// lease in the epoch they are paid in counts one epoch, no more than a
    /// worker rendering that whole epoch.
    fun a01_long_concurrent_leases_count_one_epoch() {
        h::setup();
        let (worker, _, _) = h::worker();
        let price = config::min_price_per_frame();
        let (creator, creator_sk, creator_pk) = h::new_creator(10 * price);
        let deadline = th::now() + 30 * DAY;
        let jobs = vector[];
        let i = 0;
        while (i < 10) {
            let job = h::create_job(&creator, 1, price);
            h::accept(&worker, &creator_sk, creator_pk, job, price, deadline, i + 1);
            jobs.push_back(job);
            i += 1;
        };
        th::set_time(deadline - 60);
        jobs.for_each_ref(|job| {
            escrow::submit_result(&worker, *job, 1, b"root");
            escrow::confirm(&creator, *job, 1);
        });
        let (_, pod) = rewards::epoch_weights(&rewards::epoch_info(rewards::current_epoch()));
        assert!(pod == (h::worker_score() as u128) * (DAY as u128), 1);
    }
}

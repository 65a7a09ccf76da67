/// Per-epoch reward pools (Proof of Connectivity and Proof of Delivery).
///
/// Epoch `n` covers `[n * epoch_secs, (n + 1) * epoch_secs)`; rewards begin with
/// the epoch `config::initialize` ran in. The current epoch and a bounded number
/// of future ones can be funded. After an epoch ends, attesters report each
/// worker's online seconds, one vote per attester: a worker's uptime takes
/// effect once `attester_threshold` current attesters voted, at the
/// `attester_threshold`-th largest vote, so fewer than the threshold cannot
/// decide it. Its PoC weight is `score * online seconds`, with the score in
/// force at the epoch's last second, and 0 unless the worker is eligible
/// (`staking::is_eligible`: valid score, price, stake >= S(n)). Pools are
/// funded by anyone (`fund_epoch`) and, as jobs are paid, by
/// `pool_fee_share_bps` of every protocol fee, into the epoch the payment
/// happens in. `escrow` records lease seconds of paid jobs as they are paid
/// (PoD weight = score * lease seconds, the score the lower of the worker's at
/// acceptance and at payment):
/// * per job at most `max_job_lease_secs` (its render rounds already bound it
///   by its render windows), so a long, cheap job is not worth many days of
///   rendering;
/// * split across epochs: the credited lease is taken as the interval ending
///   at the job's last submission and cut at epoch boundaries, each part
///   recorded in its own epoch (`LeaseRecorded` names it), so a worker cannot
///   pile leases of many epochs into the one with the richest pool. A part
///   whose epoch is already closed (or lies before rewards began) goes to the
///   current epoch instead: the worker cannot choose when the creator pays, and
///   closed epochs never change;
/// * per worker and epoch at most `epoch_secs` (`lease_credit`, applied to each
///   part in the epoch it lands in), so concurrent jobs cannot outweigh a
///   worker rendering the whole epoch.
///
/// `max_job_lease_secs` is a protocol rule read when the job is paid, not one
/// of the job's `escrow::JobTerms`: the terms hold what creator and worker
/// agreed on with each other (commission, windows, collateral), which a later
/// change must not reach; the lease maximum only weighs the protocol's own
/// reward pools among workers, like `pod_share_bps`, and a change still waits
/// `param_delay_secs`. Reading it at payment also lets a tightened maximum
/// reach jobs already taken, which is what closing a gamed rule needs.
///
/// Epochs close strictly in order, each once its grace period has passed, not
/// while paused, and never within a grace period after a pause was lifted. The
/// pool (funding plus what the previous epoch rolled over) is split by
/// `pod_share_bps`; a side nobody earned weight on rolls over to the next epoch.
/// Workers then claim their share lazily, so no function ever loops over all
/// workers. Every share rounds down, so the sum of all claims never exceeds the
/// pool.
module lumen::rewards {
    // Uses ---------------------------------------------------------------------

    use std::error;
    use std::signer;
    use std::vector;
    use aptos_std::table::{Self, Table};
    use aptos_framework::event;
    use aptos_framework::object::{Self, ExtendRef};
    use aptos_framework::primary_fungible_store;
    use aptos_framework::timestamp;
    use lumen::attestation;
    use lumen::campaign;
    use lumen::config;
    use lumen::staking;

    // Structs ------------------------------------------------------------------

    /// Global state, stored in the rewards object (named object of `@lumen`,
    /// seed `b"rewards"`), whose primary store holds every epoch's funds.
    struct RewardsState has key {
        extend_ref: ExtendRef,
        epochs: Table<u64, EpochInfo>,
        records: Table<WorkerEpoch, WorkerRecord>,
        /// Rolled-over funds waiting for the next epoch to be closed.
        carry: u64,
        /// Each attester's uptime report of a worker in an epoch.
        uptime_votes: Table<WorkerEpoch, vector<UptimeVote>>,
        /// Every epoch below this one is closed (0 before the first close).
        closed_until: u64,
    }

    /// One attester's report of a worker's online seconds in one epoch.
    struct UptimeVote has copy, drop, store {
        attester: address,
        online_secs: u64,
    }

    /// What an epoch holds and, once closed, how its pool was split.
    struct EpochInfo has copy, drop, store {
        epoch: u64,
        /// Funding so far; at close, plus the rollover carried in.
        pool: u64,
        closed: bool,
        /// Distributable PoC side, set at close (0 when it rolled over).
        poc_pool: u64,
        /// Distributable PoD side, set at close (0 when it rolled over).
        pod_pool: u64,
        total_poc_weight: u128,
        total_pod_weight: u128,
        /// Sum paid out by `claim` so far.
        claimed: u64,
        /// Sum of `fund_epoch` amounts.
        funded: u64,
        /// Rolled-over funds this epoch received when it was closed.
        carried_in: u64,
        /// Part of `pool` passed on to the next epoch closed.
        rolled_over: u64,
    }

    /// Key of a worker's record in one epoch.
    struct WorkerEpoch has copy, drop, store {
        worker: address,
        epoch: u64,
    }

    /// A worker's weights in one epoch.
    struct WorkerRecord has copy, drop, store {
        /// The uptime took effect (the threshold of attesters was reached).
        reported: bool,
        /// Effective online seconds (the `attester_threshold`-th largest vote).
        online_secs: u64,
        poc_weight: u128,
        lease_secs: u64,
        pod_weight: u128,
        claimed: bool,
    }

    #[event]
    /// An attester reported a worker's online seconds (measured by its liveness
    /// challenges) for an ended epoch: one vote, `approvals` of `threshold`.
    struct UptimeVoted has drop, store {
        epoch: u64,
        worker: address,
        attester: address,
        online_secs: u64,
        approvals: u64,
        threshold: u64,
    }

    #[event]
    /// An attester's second vote for a worker and epoch (in a later batch, or
    /// the worker listed twice in one batch) was skipped: its first vote
    /// stands, and the rest of the batch goes through.
    struct UptimeVoteSkipped has drop, store {
        epoch: u64,
        worker: address,
        attester: address,
        online_secs: u64,
    }

    #[event]
    /// A worker's online seconds for an ended epoch took effect or changed:
    /// `online_secs` is the `attester_threshold`-th largest vote, `score` the
    /// worker's score at the epoch's last second, `weight` its PoC weight
    /// (replacing any earlier one; 0 unless the worker is eligible under
    /// staking); `attester` cast the vote that set it.
    struct UptimeReported has drop, store {
        epoch: u64,
        worker: address,
        attester: address,
        online_secs: u64,
        score: u64,
        weight: u128,
    }

    #[event]
    /// Escrow recorded lease seconds of a paid job in `epoch`: one event per
    /// epoch the job's credited lease was split into (`lease_secs`: the seconds
    /// credited there, within the worker's `epoch_secs`).
    struct LeaseRecorded has drop, store {
        epoch: u64,
        worker: address,
        lease_secs: u64,
        score: u64,
        weight: u128,
    }

    #[event]
    /// Funds were added to an epoch's pool; `total` is the epoch's funding so far.
    struct EpochFunded has drop, store {
        epoch: u64,
        funder: address,
        amount: u64,
        total: u64,
    }

    #[event]
    /// An epoch was closed. `pool = poc_pool + pod_pool + rolled_over`.
    struct EpochClosed has drop, store {
        epoch: u64,
        pool: u64,
        poc_pool: u64,
        pod_pool: u64,
        total_poc_weight: u128,
        total_pod_weight: u128,
        rolled_over: u64,
    }

    #[event]
    /// A worker claimed its reward of a closed epoch.
    struct RewardClaimed has drop, store {
        epoch: u64,
        worker: address,
        poc_amount: u64,
        pod_amount: u64,
        amount: u64,
    }

    // Errors -------------------------------------------------------------------

    /// The caller is not an authorised attester.
    const ENotAttester: u64 = 1;
    /// `workers` and `online_secs` differ in length.
    const ELengthMismatch: u64 = 2;
    /// The epoch has not ended yet.
    const EEpochNotEnded: u64 = 3;
    /// The epoch is already closed (or lies before rewards began).
    const EEpochClosed: u64 = 4;
    /// The amount is zero.
    const EZeroAmount: u64 = 6;
    /// The epoch's grace period has not passed yet.
    const ETooEarlyToClose: u64 = 7;
    /// The epoch is not closed yet.
    const EEpochNotClosed: u64 = 8;
    /// The worker already claimed this epoch.
    const EAlreadyClaimed: u64 = 9;
    /// The worker has nothing to claim in this epoch.
    const ENothingToClaim: u64 = 10;
    /// An earlier epoch is still open: epochs close in order.
    const EEpochOutOfOrder: u64 = 11;
    /// Only the current epoch and the next `MAX_FUTURE_EPOCHS` can be funded.
    const EEpochOutOfRange: u64 = 12;

    // Constants ----------------------------------------------------------------

    const REWARDS_SEED: vector<u8> = b"rewards";
    const BPS_DENOMINATOR: u64 = 10000;
    /// How far ahead of the current epoch `fund_epoch` accepts.
    const MAX_FUTURE_EPOCHS: u64 = 90;

    // Initialisation -----------------------------------------------------------

    fun init_module(deployer: &signer) {
        let constructor_ref = object::create_named_object(deployer, REWARDS_SEED);
        let object_signer = object::generate_signer(&constructor_ref);
        move_to(&object_signer, RewardsState {
            extend_ref: object::generate_extend_ref(&constructor_ref),
            epochs: table::new(),
            records: table::new(),
            carry: 0,
            uptime_votes: table::new(),
            closed_until: 0,
        });
        // Nobody may own the object: ownership is transitive, so an owner could
        // withdraw from every store below it with `fungible_asset::withdraw`.
        object::transfer_with_ref(
            object::generate_linear_transfer_ref(&object::generate_transfer_ref(&constructor_ref)),
            @0x0
        );
    }

    // Public entry functions ---------------------------------------------------

    /// Reports online seconds of `workers` for the ended, not yet closed
    /// `epoch`: one vote per attester, worker and epoch, each capped at
    /// `epoch_secs` (emits `UptimeVoted`). Once `attester_threshold` current
    /// attesters voted for a worker, its online seconds are the
    /// `attester_threshold`-th largest vote and its PoC weight = score at the
    /// epoch's last second * online seconds when `staking::is_eligible(worker)`
    /// (else 0), recomputed on every later vote (emits `UptimeReported`); when
    /// the uptime first takes effect with a weight, the campaign records the
    /// worker's online points.
    /// An attester's second vote for the same worker and epoch, in a later
    /// batch or twice in one, is skipped (emits `UptimeVoteSkipped`) instead of
    /// aborting the batch: one repeated entry cannot drop everybody else's uptime.
    /// So fewer than `attester_threshold` attesters cannot raise a worker's
    /// uptime above every honest report, nor, once the honest attesters voted,
    /// lower it below all of them.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `ENotAttester` if the caller is not an attester.
    /// * `ELengthMismatch` if the vectors differ in length.
    /// * `EEpochNotEnded` if `epoch` has not ended.
    /// * `EEpochClosed` if `epoch` is closed or lies before rewards began.
    public entry fun report_uptime(
        attester: &signer,
        epoch: u64,
        workers: vector<address>,
        online_secs: vector<u64>,
    ) acquires RewardsState {
        config::assert_not_paused();
        let attester_addr = signer::address_of(attester);
        assert!(config::is_attester(attester_addr), error::permission_denied(ENotAttester));
        let count = vector::length(&workers);
        assert!(count == vector::length(&online_secs), error::invalid_argument(ELengthMismatch));
        assert!(epoch < current_epoch(), error::invalid_state(EEpochNotEnded));
        let epoch_secs = config::epoch_secs();
        let state = borrow_global_mut<RewardsState>(rewards_address());
        assert!(epoch >= next_of(state), error::invalid_state(EEpochClosed));
        epoch_mut(&mut state.epochs, epoch);
        let threshold = config::attester_threshold();
        let epoch_end = (epoch + 1) * epoch_secs;
        let i = 0;
        while (i < count) {
            let worker = workers[i];
            let secs = online_secs[i];
            if (secs > epoch_secs) { secs = epoch_secs };
            let key = WorkerEpoch { worker, epoch };
            if (!table::contains(&state.uptime_votes, key)) {
                table::add(&mut state.uptime_votes, key, vector[]);
            };
            let votes = table::borrow_mut(&mut state.uptime_votes, key);
            // Votes of attesters removed since they voted no longer count.
            let counted = vector[];
            let repeated = false;
            let j = 0;
            while (j < vector::length(votes)) {
                let vote = *vector::borrow(votes, j);
                if (vote.attester == attester_addr) repeated = true;
                if (config::is_attester(vote.attester)) {
                    vector::push_back(&mut counted, vote.online_secs);
                };
                j = j + 1;
            };
            if (repeated) {
                event::emit(UptimeVoteSkipped { epoch, worker, attester: attester_addr, online_secs: secs });
                i = i + 1;
                continue
            };
            vector::push_back(votes, UptimeVote { attester: attester_addr, online_secs: secs });
            vector::push_back(&mut counted, secs);
            let approvals = vector::length(&counted);
            event::emit(UptimeVoted {
                epoch,
                worker,
                attester: attester_addr,
                online_secs: secs,
                approvals,
                threshold,
            });
            if (approvals >= threshold) {
                let online = attestation::kth_largest(counted, threshold);
                // The score in force at the epoch's last second: a device switched
                // after the epoch cannot inflate it.
                let score = attestation::score_at(worker, epoch_end - 1);
                let eligible = staking::is_eligible(worker);
                let weight = if (eligible) (score as u128) * (online as u128) else 0;
                let record = record_mut(&mut state.records, worker, epoch);
                let first = !record.reported;
                let previous = record.poc_weight;
                record.reported = true;
                record.online_secs = online;
                record.poc_weight = weight;
                let lease_secs = record.lease_secs;
                let info = epoch_mut(&mut state.epochs, epoch);
                info.total_poc_weight = info.total_poc_weight - previous + weight;
                event::emit(UptimeReported {
                    epoch,
                    worker,
                    attester: attester_addr,
                    online_secs: online,
                    score,
                    weight,
                });
                // Campaign points follow the uptime as it first took effect; later
                // votes move the PoC weight only.
                if (first && weight > 0) {
                    let idle = if (online > lease_secs) online - lease_secs else 0;
                    campaign::record_online_points(
                        worker, epoch, epoch_end - epoch_secs, epoch_end, idle, score
                    );
                };
            };
            i = i + 1;
        };
    }

    /// Moves `amount` of the payment asset from `funder` into `epoch`'s pool:
    /// the current epoch or one of the next `MAX_FUTURE_EPOCHS` (90), all of which
    /// will be closed in turn.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `EZeroAmount` if `amount` is 0.
    /// * `EEpochOutOfRange` if `epoch` is before the current one or more than 90 after it.
    public entry fun fund_epoch(funder: &signer, epoch: u64, amount: u64) acquires RewardsState {
        config::assert_not_paused();
        assert!(amount > 0, error::invalid_argument(EZeroAmount));
        let current = current_epoch();
        assert!(
            epoch >= current && epoch - current <= MAX_FUTURE_EPOCHS,
            error::out_of_range(EEpochOutOfRange),
        );
        let state = borrow_global_mut<RewardsState>(rewards_address());
        let info = epoch_mut(&mut state.epochs, epoch);
        primary_fungible_store::transfer(funder, config::payment_asset(), rewards_address(), amount);
        info.funded = info.funded + amount;
        info.pool = info.pool + amount;
        event::emit(EpochFunded {
            epoch,
            funder: signer::address_of(funder),
            amount,
            total: info.funded,
        });
    }

    /// Closes `epoch`, the oldest open one: fixes its pool (funding plus what the
    /// previous epoch rolled over) and splits it into PoC and PoD sides; a side
    /// with zero total weight rolls over to the next epoch. Anyone may call it once
    /// `max(end, config::resumed_at()) + epoch_grace_secs` has passed (`end =
    /// (epoch + 1) * epoch_secs`), so a pause never shortens the reporters' grace.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `EEpochClosed` if `epoch` is closed or lies before rewards began.
    /// * `EEpochOutOfOrder` if an earlier epoch is still open.
    /// * `ETooEarlyToClose` before the grace period has passed.
    public entry fun close_epoch(_caller: &signer, epoch: u64) acquires RewardsState {
        config::assert_not_paused();
        let state = borrow_global_mut<RewardsState>(rewards_address());
        let next = next_of(state);
        assert!(epoch >= next, error::invalid_state(EEpochClosed));
        assert!(epoch == next, error::invalid_state(EEpochOutOfOrder));
        let end = (epoch + 1) * config::epoch_secs();
        let resumed_at = config::resumed_at();
        let close_at = (if (resumed_at > end) resumed_at else end) + config::epoch_grace_secs();
        assert!(timestamp::now_seconds() >= close_at, error::invalid_state(ETooEarlyToClose));
        let carried_in = state.carry;
        let info = epoch_mut(&mut state.epochs, epoch);
        let pool = info.funded + carried_in;
        let (poc_pool, pod_pool) = split_pool(pool, config::pod_share_bps());
        let rolled_over = 0;
        if (info.total_poc_weight == 0) {
            rolled_over = rolled_over + poc_pool;
            poc_pool = 0;
        };
        if (info.total_pod_weight == 0) {
            rolled_over = rolled_over + pod_pool;
            pod_pool = 0;
        };
        info.carried_in = carried_in;
        info.pool = pool;
        info.poc_pool = poc_pool;
        info.pod_pool = pod_pool;
        info.rolled_over = rolled_over;
        info.closed = true;
        event::emit(EpochClosed {
            epoch,
            pool,
            poc_pool,
            pod_pool,
            total_poc_weight: info.total_poc_weight,
            total_pod_weight: info.total_pod_weight,
            rolled_over,
        });
        state.carry = rolled_over;
        state.closed_until = epoch + 1;
    }

    /// Pays the caller its reward of the closed `epoch`:
    /// `floor(poc_pool * poc_weight / total_poc_weight) + floor(pod_pool * pod_weight / total_pod_weight)`.
    /// Works while paused.
    ///
    /// # Aborts
    /// * `EEpochNotClosed` if `epoch` is not closed.
    /// * `EAlreadyClaimed` if the caller already claimed `epoch`.
    /// * `ENothingToClaim` if the reward is 0.
    public entry fun claim(worker: &signer, epoch: u64) acquires RewardsState {
        let worker_addr = signer::address_of(worker);
        let state = borrow_global_mut<RewardsState>(rewards_address());
        let info = epoch_mut(&mut state.epochs, epoch);
        assert!(info.closed, error::invalid_state(EEpochNotClosed));
        let record = record_mut(&mut state.records, worker_addr, epoch);
        assert!(!record.claimed, error::already_exists(EAlreadyClaimed));
        let poc_amount = share(info.poc_pool, record.poc_weight, info.total_poc_weight);
        let pod_amount = share(info.pod_pool, record.pod_weight, info.total_pod_weight);
        let amount = poc_amount + pod_amount;
        assert!(amount > 0, error::not_found(ENothingToClaim));
        record.claimed = true;
        info.claimed = info.claimed + amount;
        let object_signer = object::generate_signer_for_extending(&state.extend_ref);
        primary_fungible_store::transfer(&object_signer, config::payment_asset(), worker_addr, amount);
        event::emit(RewardClaimed { epoch, worker: worker_addr, poc_amount, pod_amount, amount });
    }

    // Public functions ---------------------------------------------------------

    #[view]
    /// The epoch containing timestamp `ts` (seconds).
    ///
    /// # Aborts
    /// Never, once `config` is initialised.
    public fun epoch_of(ts: u64): u64 {
        ts / config::epoch_secs()
    }

    #[view]
    /// The epoch containing now.
    ///
    /// # Aborts
    /// Never, once `config` is initialised.
    public fun current_epoch(): u64 {
        epoch_of(timestamp::now_seconds())
    }

    #[view]
    /// What `epoch` holds; all zero for an epoch nothing happened in.
    ///
    /// # Aborts
    /// Never.
    public fun epoch_info(epoch: u64): EpochInfo acquires RewardsState {
        let state = borrow_global<RewardsState>(rewards_address());
        if (table::contains(&state.epochs, epoch)) {
            *table::borrow(&state.epochs, epoch)
        } else {
            empty_epoch(epoch)
        }
    }

    #[view]
    /// The oldest open epoch, the only one `close_epoch` accepts.
    ///
    /// # Aborts
    /// `config::ENotInitialized` before `config::initialize`.
    public fun next_epoch(): u64 acquires RewardsState {
        next_of(borrow_global<RewardsState>(rewards_address()))
    }

    #[view]
    /// Votes cast for `worker`'s uptime in `epoch`, by current and removed
    /// attesters alike.
    ///
    /// # Aborts
    /// Never.
    public fun uptime_votes(worker: address, epoch: u64): u64 acquires RewardsState {
        let state = borrow_global<RewardsState>(rewards_address());
        let key = WorkerEpoch { worker, epoch };
        if (table::contains(&state.uptime_votes, key)) {
            table::borrow(&state.uptime_votes, key).length()
        } else {
            0
        }
    }

    #[view]
    /// Effective online seconds of `worker` in `epoch` (0 until its uptime took effect).
    ///
    /// # Aborts
    /// Never.
    public fun online_secs_of(worker: address, epoch: u64): u64 acquires RewardsState {
        let state = borrow_global<RewardsState>(rewards_address());
        let key = WorkerEpoch { worker, epoch };
        if (table::contains(&state.records, key)) {
            table::borrow(&state.records, key).online_secs
        } else {
            0
        }
    }

    #[view]
    /// What `claim(worker, epoch)` would pay now: 0 before the epoch is closed and
    /// after the worker claimed.
    ///
    /// # Aborts
    /// Never.
    public fun pending_reward(worker: address, epoch: u64): u64 acquires RewardsState {
        let state = borrow_global<RewardsState>(rewards_address());
        let key = WorkerEpoch { worker, epoch };
        if (!table::contains(&state.epochs, epoch) || !table::contains(&state.records, key)) {
            return 0
        };
        let info = table::borrow(&state.epochs, epoch);
        let record = table::borrow(&state.records, key);
        if (!info.closed || record.claimed) {
            return 0
        };
        share(info.poc_pool, record.poc_weight, info.total_poc_weight)
            + share(info.pod_pool, record.pod_weight, info.total_pod_weight)
    }

    /// The part of a job's protocol `fee` paid into the current epoch's pool:
    /// `floor(fee * pool_fee_share_bps / 10 000)`; the treasury gets the rest.
    ///
    /// # Aborts
    /// Never for `pool_fee_share_bps <= 10 000`.
    public fun fee_to_pool(fee: u64, pool_fee_share_bps: u64): u64 {
        (((fee as u128) * (pool_fee_share_bps as u128) / (BPS_DENOMINATOR as u128)) as u64)
    }

    /// Lease seconds a job adds to a worker that already has `recorded` seconds
    /// in the epoch: `min(lease_secs, epoch_secs - recorded)` (0 once the epoch
    /// is full).
    ///
    /// # Aborts
    /// Never.
    public fun lease_credit(recorded: u64, lease_secs: u64, epoch_secs: u64): u64 {
        let room = if (recorded < epoch_secs) epoch_secs - recorded else 0;
        if (lease_secs < room) lease_secs else room
    }

    /// A paid job's lease cut into epochs: its credited lease
    /// `min(lease_secs, max_job_lease_secs)` taken as the interval ending at
    /// `end` (the job's last submission) and cut at multiples of `epoch_secs`.
    /// Returns `(epochs, seconds)`, oldest epoch first, one entry per epoch the
    /// interval touches (none for 0 seconds); the seconds sum to the credited
    /// lease (less where it would start before time 0). At most
    /// `max_job_lease_secs / epoch_secs + 2` entries.
    ///
    /// # Aborts
    /// Never for `epoch_secs > 0`.
    public fun lease_parts(
        end: u64,
        lease_secs: u64,
        max_job_lease_secs: u64,
        epoch_secs: u64,
    ): (vector<u64>, vector<u64>) {
        let credited = if (lease_secs < max_job_lease_secs) lease_secs else max_job_lease_secs;
        let start = if (credited < end) end - credited else 0;
        let epochs = vector[];
        let secs = vector[];
        while (start < end) {
            // Seconds left in `start`'s epoch, without computing its end (which
            // could pass u64 near the top of the range).
            let room = epoch_secs - start % epoch_secs;
            let part = if (end - start < room) end - start else room;
            epochs.push_back(start / epoch_secs);
            secs.push_back(part);
            start += part;
        };
        (epochs, secs)
    }

    /// Pool split: `pod_pool = floor(pool * pod_share_bps / 10 000)`,
    /// `poc_pool = pool - pod_pool`. Returns `(poc_pool, pod_pool)`.
    ///
    /// # Aborts
    /// Never for `pod_share_bps <= 10 000`.
    public fun split_pool(pool: u64, pod_share_bps: u64): (u64, u64) {
        let pod_pool = (((pool as u128) * (pod_share_bps as u128) / (BPS_DENOMINATOR as u128)) as u64);
        (pool - pod_pool, pod_pool)
    }

    /// One side's share: `floor(side_pool * weight / total_weight)`, 0 when
    /// `total_weight` is 0.
    ///
    /// # Aborts
    /// Never for `weight <= total_weight`.
    public fun share(side_pool: u64, weight: u128, total_weight: u128): u64 {
        if (total_weight == 0) {
            0
        } else {
            (((side_pool as u128) * weight / total_weight) as u64)
        }
    }

    /// Address of the rewards object holding the pools.
    ///
    /// # Aborts
    /// Never.
    public fun rewards_address(): address {
        object::create_object_address(&@lumen, REWARDS_SEED)
    }

    /// Amounts of an `EpochInfo` as `(epoch, funded, carried_in, pool, poc_pool,
    /// pod_pool, rolled_over, claimed, closed)`;
    /// the weights are read with `epoch_weights`.
    ///
    /// # Aborts
    /// Never.
    public fun epoch_amounts(info: &EpochInfo): (u64, u64, u64, u64, u64, u64, u64, u64, bool) {
        (
            info.epoch,
            info.funded,
            info.carried_in,
            info.pool,
            info.poc_pool,
            info.pod_pool,
            info.rolled_over,
            info.claimed,
            info.closed,
        )
    }

    /// `(total_poc_weight, total_pod_weight)` of an `EpochInfo`.
    ///
    /// # Aborts
    /// Never.
    public fun epoch_weights(info: &EpochInfo): (u128, u128) {
        (info.total_poc_weight, info.total_pod_weight)
    }

    // Package functions --------------------------------------------------------

    /// Records the lease of a job paid now for `worker`: `lease_secs` (its
    /// render rounds) capped at `max_job_lease_secs` and split by `lease_parts`
    /// over the epochs of the interval ending at `submitted_at`. A part in an
    /// open epoch before the current one is recorded there; parts in closed
    /// epochs (or before rewards began) and in the current epoch are recorded
    /// together in the current epoch. In each epoch the worker gains at most
    /// what keeps its lease there within `epoch_secs` (`lease_credit`), with
    /// PoD weight `score * credited seconds`; one `LeaseRecorded` per epoch
    /// changed, oldest first (none for a lease of 0). Only open epochs change:
    /// the current epoch is never closed (an epoch closes only after it ended,
    /// and `epoch_secs` is fixed). Called by `escrow` when it pays a job.
    ///
    /// # Aborts
    /// Never (at most `max_job_lease_secs / epoch_secs + 2` parts).
    public(package) fun record_lease(
        worker: address,
        score: u64,
        lease_secs: u64,
        submitted_at: u64,
    ) acquires RewardsState {
        let current = current_epoch();
        let epoch_secs = config::epoch_secs();
        let (epochs, secs) = lease_parts(submitted_at, lease_secs, config::max_job_lease_secs(), epoch_secs);
        let state = borrow_global_mut<RewardsState>(rewards_address());
        let next = next_of(state);
        let late = 0;
        let i = 0;
        while (i < epochs.length()) {
            let epoch = epochs[i];
            if (epoch >= next && epoch < current) {
                credit_lease(state, worker, epoch, score, secs[i], epoch_secs);
            } else {
                late += secs[i];
            };
            i += 1;
        };
        if (late > 0) {
            credit_lease(state, worker, current, score, late, epoch_secs);
        };
    }

    /// Moves `amount` of a paid job's protocol fee from the job object `job` into
    /// the current epoch's pool (never closed: an epoch closes only after it
    /// ended), as funding from the job's address (`EpochFunded`). Called by
    /// `escrow` when it pays a job; nothing happens for 0.
    ///
    /// # Aborts
    /// Never (the job holds the amount).
    public(package) fun add_fee_share(job: &signer, amount: u64) acquires RewardsState {
        if (amount == 0) return;
        let epoch = current_epoch();
        let state = borrow_global_mut<RewardsState>(rewards_address());
        let info = epoch_mut(&mut state.epochs, epoch);
        primary_fungible_store::transfer(job, config::payment_asset(), rewards_address(), amount);
        info.funded = info.funded + amount;
        info.pool = info.pool + amount;
        event::emit(EpochFunded { epoch, funder: signer::address_of(job), amount, total: info.funded });
    }

    // Private functions --------------------------------------------------------

    /// Adds up to `lease_secs` of lease to `worker`'s record in the open
    /// `epoch`, within `epoch_secs` per worker and epoch, and emits `LeaseRecorded`.
    fun credit_lease(
        state: &mut RewardsState,
        worker: address,
        epoch: u64,
        score: u64,
        lease_secs: u64,
        epoch_secs: u64,
    ) {
        let record = record_mut(&mut state.records, worker, epoch);
        let credited = lease_credit(record.lease_secs, lease_secs, epoch_secs);
        let weight = (score as u128) * (credited as u128);
        record.lease_secs += credited;
        record.pod_weight += weight;
        let info = epoch_mut(&mut state.epochs, epoch);
        info.total_pod_weight += weight;
        event::emit(LeaseRecorded { epoch, worker, lease_secs: credited, score, weight });
    }

    fun empty_epoch(epoch: u64): EpochInfo {
        EpochInfo {
            epoch,
            funded: 0,
            carried_in: 0,
            pool: 0,
            poc_pool: 0,
            pod_pool: 0,
            total_poc_weight: 0,
            total_pod_weight: 0,
            rolled_over: 0,
            claimed: 0,
            closed: false,
        }
    }

    fun epoch_mut(epochs: &mut Table<u64, EpochInfo>, epoch: u64): &mut EpochInfo {
        if (!table::contains(epochs, epoch)) {
            table::add(epochs, epoch, empty_epoch(epoch));
        };
        table::borrow_mut(epochs, epoch)
    }

    fun record_mut(
        records: &mut Table<WorkerEpoch, WorkerRecord>,
        worker: address,
        epoch: u64,
    ): &mut WorkerRecord {
        let key = WorkerEpoch { worker, epoch };
        if (!table::contains(records, key)) {
            table::add(records, key, WorkerRecord {
                reported: false,
                online_secs: 0,
                poc_weight: 0,
                lease_secs: 0,
                pod_weight: 0,
                claimed: false,
            });
        };
        table::borrow_mut(records, key)
    }

    /// The oldest open epoch: the first epoch not closed, never before the epoch
    /// `config::initialize` ran in.
    fun next_of(state: &RewardsState): u64 {
        let first = config::initialized_at() / config::epoch_secs();
        if (state.closed_until > first) state.closed_until else first
    }

    // Test-only functions ------------------------------------------------------

    #[test_only]
    /// An `UptimeVoteSkipped` event, to compare with emitted ones.
    public fun uptime_vote_skipped_event(
        epoch: u64, worker: address, attester: address, online_secs: u64
    ): UptimeVoteSkipped {
        UptimeVoteSkipped { epoch, worker, attester, online_secs }
    }

    #[test_only]
    /// Runs `init_module` in tests, where publishing does not.
    public fun init_for_test(deployer: &signer) {
        init_module(deployer);
    }

    #[test_only]
    /// A `LeaseRecorded` event, to compare with emitted ones.
    public fun lease_recorded_event(
        epoch: u64, worker: address, lease_secs: u64, score: u64, weight: u128
    ): LeaseRecorded {
        LeaseRecorded { epoch, worker, lease_secs, score, weight }
    }

    #[test_only]
    /// An `EpochFunded` event, to compare with emitted ones.
    public fun epoch_funded_event(epoch: u64, funder: address, amount: u64, total: u64): EpochFunded {
        EpochFunded { epoch, funder, amount, total }
    }

    #[test_only]
    /// An `EpochClosed` event, to compare with emitted ones.
    public fun epoch_closed_event(
        epoch: u64,
        pool: u64,
        poc_pool: u64,
        pod_pool: u64,
        total_poc_weight: u128,
        total_pod_weight: u128,
        rolled_over: u64,
    ): EpochClosed {
        EpochClosed { epoch, pool, poc_pool, pod_pool, total_poc_weight, total_pod_weight, rolled_over }
    }

    #[test_only]
    /// An `UptimeReported` event, to compare with emitted ones.
    public fun uptime_reported_event(
        epoch: u64,
        worker: address,
        attester: address,
        online_secs: u64,
        score: u64,
        weight: u128,
    ): UptimeReported {
        UptimeReported { epoch, worker, attester, online_secs, score, weight }
    }

    #[test_only]
    /// A `RewardClaimed` event, to compare with emitted ones.
    public fun reward_claimed_event(
        epoch: u64,
        worker: address,
        poc_amount: u64,
        pod_amount: u64,
        amount: u64,
    ): RewardClaimed {
        RewardClaimed { epoch, worker, poc_amount, pod_amount, amount }
    }
}

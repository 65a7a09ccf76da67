#[test_only]
/// Test set-up for `escrow`, `rewards` and `vip`, on top of `lumen::test_helpers`.
///
/// - `setup()`: `test_helpers::setup()` plus `campaign`, `rewards`, `escrow` and `vip` initialised.
/// - `new_creator(funds: u64): (signer, SecretKey, vector<u8>)`: keyed account holding `funds`.
/// - `worker(): (signer, SecretKey, vector<u8>)`: an eligible worker with score
///   `worker_score()` (2.43 IB), `worker_vram()` MiB and a price of 2 units per IB-hour.
/// - `create_job(creator, frames, max_price): Object<Job>` (no minimums).
/// - `create_job_with(creator, frames, max_price, min_score, min_vram): Object<Job>`.
/// - `sign_offer(sk, job, worker, price, render_deadline, offer_expires_at, nonce): vector<u8>`.
/// - `accept(worker, creator_sk, creator_pk, job, price, render_deadline, nonce)`: signs
///   an offer valid for an hour and submits it.
/// - `assigned_job(frames, max_price, price): (creator, worker, job, Ledger)`: a whole
///   world with a job Assigned; render deadline = now + `render_time()`.
/// - `submitted_job(frames, max_price, price): (creator, worker, job, Ledger)`: the same
///   with all frames submitted one hour after assignment.
/// - `holdings(a): u64`: `a`'s balance plus its escrow claimable balance.
/// - `ledger(job, creator, worker): Ledger` (holdings now), `ledger_from(job, creator,
///   worker, creator_start, worker_start, treasury_start)` and `assert_conserved(&Ledger)`: money
///   conservation, internally (`deposit = paid + fee + refunded + balance`, the balance
///   being what the job object holds) and against the holdings of creator, worker and
///   protocol (treasury plus rewards pool, `protocol_balance()`) since the snapshot (a
///   leg credited as claimable counts as delivered); `note_worker_income(&mut Ledger,
///   amount)` for money the worker received from elsewhere.
/// - `arbiter(): signer`: the arbiter `setup` configured.
/// - `report_days(worker, secs)`: one `report_uptime` per element, each for the epoch
///   that just ended, oldest first.
module lumen::escrow_test_helpers {
    use std::signer;
    use aptos_std::ed25519::{Self, SecretKey};
    use aptos_framework::object::{Self, Object};
    use lumen::campaign;
    use lumen::escrow::{Self, Job};
    use lumen::rewards;
    use lumen::test_helpers;
    use lumen::vip;

    /// Holdings at a snapshot, to check where every unit of a job's deposit went.
    struct Ledger has copy, drop {
        job: Object<Job>,
        creator: address,
        worker: address,
        creator_start: u64,
        worker_start: u64,
        treasury_start: u64,
    }

    const WORKER_SCORE: u64 = 2430000;
    const WORKER_VRAM: u64 = 8192;
    const WORKER_PRICE: u64 = 2000000;
    const RENDER_TIME: u64 = 7200;

    public fun worker_score(): u64 { WORKER_SCORE }

    public fun worker_vram(): u64 { WORKER_VRAM }

    public fun render_time(): u64 { RENDER_TIME }

    public fun setup() {
        test_helpers::setup();
        let deployer = test_helpers::lumen_signer();
        campaign::init_for_test(&deployer);
        rewards::init_for_test(&deployer);
        escrow::init_for_test(&deployer);
        vip::init_for_test(&deployer);
    }

    public fun new_creator(funds: u64): (signer, SecretKey, vector<u8>) {
        let (creator, sk, pk) = test_helpers::new_keyed_account();
        if (funds > 0) { test_helpers::mint(signer::address_of(&creator), funds) };
        (creator, sk, pk)
    }

    public fun worker(): (signer, SecretKey, vector<u8>) {
        test_helpers::eligible_worker(WORKER_SCORE, WORKER_VRAM, WORKER_PRICE)
    }

    public fun create_job_with(
        creator: &signer,
        frames: u64,
        max_price: u64,
        min_score: u64,
        min_vram: u64,
    ): Object<Job> {
        let job_id = escrow::next_job_id();
        escrow::create_job(creator, b"spec-sha256", frames, max_price, min_score, min_vram);
        object::address_to_object<Job>(escrow::job_address(job_id))
    }

    public fun create_job(creator: &signer, frames: u64, max_price: u64): Object<Job> {
        create_job_with(creator, frames, max_price, 0, 0)
    }

    public fun sign_offer(
        sk: &SecretKey,
        job: Object<Job>,
        worker: address,
        price: u64,
        render_deadline: u64,
        offer_expires_at: u64,
        nonce: u64,
    ): vector<u8> {
        let offer = escrow::new_offer(
            object::object_address(&job),
            worker,
            price,
            render_deadline,
            offer_expires_at,
            nonce,
        );
        ed25519::signature_to_bytes(&ed25519::sign_struct(sk, offer))
    }

    public fun accept(
        worker: &signer,
        creator_sk: &SecretKey,
        creator_pk: vector<u8>,
        job: Object<Job>,
        price: u64,
        render_deadline: u64,
        nonce: u64,
    ) {
        let expires = test_helpers::now() + 3600;
        let signature = sign_offer(
            creator_sk, job, signer::address_of(worker), price, render_deadline, expires, nonce
        );
        escrow::accept_offer(worker, job, price, render_deadline, expires, nonce, creator_pk, signature);
    }

    public fun holdings(owner: address): u64 {
        test_helpers::balance(owner) + escrow::claimable_of(owner)
    }

    public fun arbiter(): signer {
        test_helpers::signer_of(test_helpers::arbiter())
    }

    public fun ledger(job: Object<Job>, creator: address, worker: address): Ledger {
        Ledger {
            job,
            creator,
            worker,
            creator_start: holdings(creator),
            worker_start: holdings(worker),
            treasury_start: protocol_balance(),
        }
    }

    /// What the protocol holds of the fees: the treasury's balance plus the
    /// rewards pool's (`pool_fee_share_bps` of every fee goes to the pool).
    public fun protocol_balance(): u64 {
        holdings(test_helpers::treasury()) + test_helpers::balance(rewards::rewards_address())
    }

    /// A ledger with given starting balances (for snapshots taken before the job existed).
    public fun ledger_from(
        job: Object<Job>,
        creator: address,
        worker: address,
        creator_start: u64,
        worker_start: u64,
        treasury_start: u64,
    ): Ledger {
        Ledger { job, creator, worker, creator_start, worker_start, treasury_start }
    }

    /// Records `amount` the worker received from outside the job (its own unstaked funds).
    public fun note_worker_income(ledger: &mut Ledger, amount: u64) {
        ledger.worker_start += amount;
    }

    public fun assert_conserved(ledger: &Ledger) {
        let info = escrow::job_info(ledger.job);
        let (deposit, paid, fee, refunded, _) = escrow::info_money(&info);
        let held = escrow::job_balance(ledger.job);
        assert!(deposit == paid + fee + refunded + held, 9001);
        assert!(escrow::balance(&info) == held, 9006);
        let creator_out = ledger.creator_start - holdings(ledger.creator);
        let worker_in = holdings(ledger.worker) - ledger.worker_start;
        let treasury_in = protocol_balance() - ledger.treasury_start;
        assert!(worker_in == paid, 9002);
        assert!(treasury_in == fee, 9003);
        assert!(creator_out == deposit - refunded, 9004);
        assert!(creator_out == worker_in + treasury_in + held, 9005);
    }

    /// Creator (funded with exactly the deposit), eligible worker and a job of
    /// `frames` at `max_price` assigned at `price`, render deadline now + `render_time()`.
    public fun assigned_job(
        frames: u64,
        max_price: u64,
        price: u64,
    ): (signer, signer, Object<Job>, Ledger) {
        let (creator, creator_sk, creator_pk) = new_creator(frames * max_price);
        let (worker_account, _, _) = worker();
        let creator_addr = signer::address_of(&creator);
        let worker_addr = signer::address_of(&worker_account);
        let creator_start = holdings(creator_addr);
        let worker_start = holdings(worker_addr);
        let treasury_start = protocol_balance();
        let job = create_job(&creator, frames, max_price);
        let books = Ledger {
            job,
            creator: creator_addr,
            worker: worker_addr,
            creator_start,
            worker_start,
            treasury_start,
        };
        assert_conserved(&books);
        accept(&worker_account, &creator_sk, creator_pk, job, price, test_helpers::now() + RENDER_TIME, 1);
        assert_conserved(&books);
        (creator, worker_account, job, books)
    }

    /// `assigned_job` with every frame submitted one hour later (review window running).
    public fun submitted_job(
        frames: u64,
        max_price: u64,
        price: u64,
    ): (signer, signer, Object<Job>, Ledger) {
        let (creator, worker_account, job, books) = assigned_job(frames, max_price, price);
        test_helpers::advance(3600);
        escrow::submit_result(&worker_account, job, frames, b"output-root");
        assert_conserved(&books);
        (creator, worker_account, job, books)
    }

    public fun report_days(worker: address, secs: vector<u64>) {
        let attester = test_helpers::attester_signer();
        let i = 0;
        let n = secs.length();
        while (i < n) {
            let epoch = rewards::current_epoch();
            test_helpers::advance(86400);
            rewards::report_uptime(&attester, epoch, vector[worker], vector[secs[i]]);
            i += 1;
        };
    }
}

// Generated from the indexer's OpenAPI document by
// indexer/src/api/tests/typescript.rs: do not edit. Regenerate with
//   LUMEN_BLESS=1 cargo test -p lumen-indexer typescript

/** The payment asset. */
export type AssetView = {
  /** Decimals: amounts are base units, shown divided by `10^decimals`. */
  decimals: number;
  /** Its `Object<Metadata>` address (from `config::initialize`). */
  metadata?: string | null;
  /** The symbol shown next to amounts. */
  symbol: string;
};

/** A score attestation or revocation. */
export type AttestationRow = {
  attesters?: Array<string> | null;
  bench_version?: number | null;
  device_id?: string | null;
  effective_at?: number | null;
  event_index: number;
  expires_at?: number | null;
  gpu_model?: string | null;
  measured_at?: number | null;
  nonce?: number | null;
  reason?: string | null;
  revoked: boolean;
  revoked_by?: string | null;
  score?: number | null;
  version: number;
  vram_mb?: number | null;
  worker: string;
};

/** `GET /v1/attesters`. */
export type AttesterList = {
  /** Current attesters, in the order they were added. */
  items: Array<AttesterView>;
  /** Distinct attesters a report needs (`attester_threshold`). */
  threshold: number;
};

/** An authorised attester. */
export type AttesterView = {
  /** When (µs). */
  added_at_us: number;
  /** The version that authorised it. */
  added_version: number;
  address: string;
  /** Time of its last submission (µs). */
  last_submission_us?: number | null;
  /** Benchmark reports it submitted. */
  submissions: number;
};

/** `GET /v1/leaderboard/campaign`. */
export type CampaignBoard = Page_BoardRow & {
  /** Participants ranked. */
  participants: number;
  payout: PayoutPreview;
  /** The current per-user amount of each tier. */
  tier_amounts: Array<number>;
};

/** The campaign's settings and pool. */
export type CampaignRow = {
  credit_value: number;
  funded_total: number;
  operator?: string | null;
  paid_total: number;
  period_end: number;
  period_start: number;
  pool: number;
  swept_total: number;
  tier_amounts: Array<number>;
  updated_version: number;
};

/** `GET /v1/campaign`. */
export type CampaignSummary = {
  campaign?: null | CampaignRow;
  /** Addresses with an on-chain campaign record. */
  participants: number;
};

/** A testnet-campaign participant. */
export type CampaignUserRow = {
  address: string;
  check_ins: number;
  checkin_points: number;
  creator_render_points: number;
  /** Jobs that spent a credit. */
  credited_jobs: number;
  credits_earned: number;
  /** Micro-credits spent on jobs (`credits_earned` is micro-credits too). */
  credits_spent: number;
  last_day?: number | null;
  leaderboard_rank?: number | null;
  online_points: number;
  prize: number;
  referral_points: number;
  referrals: number;
  referrer?: string | null;
  social_points: number;
  streak: number;
  total_points: number;
  updated_version: number;
  worker_render_points: number;
};

/** An eligible worker with its place in the ranking. */
export type CandidateView = WorkerView & {
  /** 1-based place. */
  rank: number;
  /** Among the VIP workers placed first. */
  vip_priority_slot: boolean;
};

/** `GET /v1/jobs/{id}/candidates`. */
export type Candidates = {
  /** Eligible workers in all. */
  eligible_total: number;
  items: Array<CandidateView>;
  job: JobView;
  /** How many VIP workers lead the ranking. */
  vip_first: number;
};

/** What `config::initialize` set. */
export type ChainConfigRow = {
  admin: string;
  arbiter: string;
  /** Decimals of the payment asset: amounts are its base units. */
  decimals: number;
  initialized_version: number;
  payment_asset: string;
  treasury: string;
};

/** An address's claimable balance: settlement legs escrow could not deliver (the store was frozen), held until the owner withdraws them. */
export type ClaimableRow = {
  balance: number;
  credited_total: number;
  owner: string;
  updated_version: number;
  withdrawn_total: number;
};

/** `GET /v1/config`. */
export type ConfigView = {
  config?: null | ChainConfigRow;
  /** Every parameter with its value and the change queued for it (a queued change takes effect when `apply_param` runs, from `pending_effective_at`), by name. */
  params: Array<ParamRow>;
};

/** `GET /v1/leaderboards/creators`. */
export type CreatorBoard = {
  items: Array<RankedCreator>;
  /** The current 30-day month (`floor(now / 2 592 000)`). */
  month: number;
};

/** Where a creator's deposits went, over all its jobs. */
export type CreatorMoney = {
  /** Deposited into escrow. */
  deposits: number;
  /** Fees to the treasury. */
  fees: number;
  /** Still in escrow (jobs not final). */
  held: number;
  /** Paid to workers. */
  paid_to_workers: number;
  /** Returned to the creator. */
  refunds: number;
};

/** A creator's spend in one 30-day month. */
export type CreatorMonthRow = {
  creator: string;
  month: number;
  spent: number;
};

/** `GET /v1/creators/{address}`. */
export type CreatorPage = {
  creator: CreatorRow;
  /** Its last 50 jobs, newest first. */
  jobs: Array<JobView>;
  /** Its jobs by status name. */
  jobs_by_status: Record<string, number>;
  money: CreatorMoney;
  /** Spend per 30-day month (`floor(time / 2 592 000)`), newest first. */
  months: Array<CreatorMonthRow>;
  /** The VIP priority score (`vip::creator_priority`). */
  priority: number;
  /** Gross spent in the current 30-day month. */
  spent_this_month: number;
};

/** A creator. */
export type CreatorRow = {
  address: string;
  deposited_total: number;
  frames_succeeded: number;
  jobs_created: number;
  spent_total: number;
  updated_version: number;
  vip: boolean;
};

/** `GET /v1/stats/daily`. */
export type DailyStats = {
  /** Chain time the window ends at. */
  chain_time: number;
  /** Oldest first, every day of the window (days without activity are 0). */
  days: Array<DayStats>;
  /** Oldest first, every epoch of the window. */
  epochs: Array<EpochStats>;
  /** The last version indexed. */
  indexed_version?: number | null;
  money: MoneyFlow;
};

/** One UTC day. */
export type DayStats = {
  /** Days since 1970-01-01 (`floor(time / 86 400)`). */
  day: number;
  /** Deposited into escrow by new jobs. */
  deposits: number;
  /** Fees to the treasury. */
  fees: number;
  /** Frames paid. */
  frames_paid: number;
  /** Jobs created. */
  jobs_created: number;
  /** Jobs paid out (confirmed, finalized or resolved). */
  jobs_paid: number;
  /** Paid to workers. */
  paid_to_workers: number;
  /** Returned to creators (unused price on assignment, cancellations, reclaims, unaccepted frames). */
  refunds: number;
  /** Stake slashed on reclaims. */
  slashed: number;
};

/** A device key registered or a device released (insert-only history). */
export type DeviceEventRow = {
  device_id?: string | null;
  /** `key_registered` or `released`. */
  event: string;
  event_index: number;
  previous_key?: string | null;
  public_key?: string | null;
  /** 1 by the worker, 2 expired long ago, 3 by the admin. */
  release_kind?: number | null;
  released_by?: string | null;
  version: number;
  worker: string;
};

/** `GET /v1/epochs/{epoch}`. */
export type EpochPage = {
  epoch: EpochRow;
  /** Every worker with uptime, leases or a claim in the epoch, by address. */
  rewards: Array<WorkerEpochView>;
};

/** A reward epoch. */
export type EpochRow = {
  claimed: number;
  closed: boolean;
  epoch: number;
  funded: number;
  poc_pool: number;
  pod_pool: number;
  pool: number;
  reported_online_secs: number;
  rolled_over: number;
  total_poc_weight: string;
  total_pod_weight: string;
  updated_version: number;
};

/** One reward epoch. */
export type EpochStats = {
  /** Workers with online time reported for the epoch. */
  active_workers: number;
  /** Workers whose score was valid at the epoch's end (or now, for the current epoch). */
  attested_workers: number;
  claimed: number;
  closed: boolean;
  epoch: number;
  poc_pool: number;
  pod_pool: number;
  /** The pool, once closed (else what was funded so far). */
  pool: number;
  rolled_over: number;
};

/** An error answer. */
export type ErrorBody = {
  /** What went wrong, in words. */
  error: string;
  /** The offending parameter (query or path), for 400. */
  parameter?: string | null;
};

/** An event of the package as the node served it. */
export type EventView = {
  /** The event's fields as served (u64 as strings, addresses as hex). */
  data: RawJson;
  /** Index of the event in its transaction. */
  event_index: number;
  /** Transaction time (µs). */
  timestamp_us: number;
  /** `module::Name`. */
  type: string;
  /** Transaction version. */
  version: number;
};

/** The message of the feed: the event, and the job and account it is about (what a page filters on). */
export type FeedEvent = EventView & {
  /** The account the event is about (worker, holder, user …). */
  account?: string | null;
  /** The job of an escrow event. */
  job_id?: number | null;
};

/** Liveness and database reachability. */
export type Health = {
  /** `ok` or `unreachable`. */
  database: string;
  /** `ok` or `unavailable`. */
  status: string;
};

/** Jobs in all and by status. */
export type JobCounts = {
  /** Every status name with its count, in code order. */
  by_status: Record<string, number>;
  total: number;
};

/** `GET /v1/jobs/{id}`: the job and its event history. PostgreSQL builds this answer (see [`get_job`]); the type documents it, and the tests check the two agree. */
export type JobPage = {
  /** Every event of the job, oldest first. */
  history: Array<EventView>;
  job: JobView;
};

/** `jobs.review`: a partial acceptance (`frames_accepted`, `response_deadline`) and a dispute (`disputed_by`, `timeout_frames` — what the timeout pays, the position of the side that did not open it — and `timeout_at`), each filled when it happens. */
export type JobReviewJson = {
  /** Who opened the dispute. */
  disputed_by?: string | null;
  /** Frames the creator accepted of those submitted. */
  frames_accepted?: number | null;
  /** Until when the worker may answer the partial acceptance. */
  response_deadline?: number | null;
  /** From when the timeout may be settled. */
  timeout_at?: number | null;
  /** What the dispute's timeout pays. */
  timeout_frames?: number | null;
};

/** A job. */
export type JobRow = {
  address: string;
  created_at: number;
  created_version: number;
  creator: string;
  deposit: number;
  fee: number;
  finalized: boolean;
  frames: number;
  frames_done?: number | null;
  frames_paid: number;
  gross: number;
  job_id: number;
  lease_secs: number;
  max_price_per_frame: number;
  min_score: number;
  min_vram_mb: number;
  output_root?: string | null;
  price_per_frame?: number | null;
  refund: number;
  render_deadline?: number | null;
  rerenders: number;
  review?: null | JobReviewJson;
  review_deadline?: number | null;
  slashed: number;
  spec_hash: string;
  /** Served by the API as its name (`completed`); the code is `status_code`. */
  status: string;
  terms?: null | JobTermsJson;
  updated_at: number;
  updated_version: number;
  worker?: string | null;
  worker_amount: number;
  worker_score?: number | null;
};

/** `jobs.terms`: the terms a job was assigned under, as `JobAssigned` carries them; nothing changes them afterwards. */
export type JobTermsJson = {
  /** Stake locked as the job's collateral (slashed if it never delivers). */
  collateral: number;
  /** How long a dispute waits for an arbiter before its timeout pays. */
  dispute_timeout_secs: number;
  /** How many rerenders the creator may ask for. */
  max_rerenders: number;
  /** The shortest time a rerender may be given. */
  min_rerender_secs: number;
  /** How the creator authorised the assignment ([`lumen_sdk::OfferKind`] name: `signed`, `wallet_envelope`, `on_chain`). */
  offer_kind?: string;
  /** How long the worker has to answer a partial acceptance. */
  response_window_secs: number;
  /** How long the creator has to review a submission. */
  review_window_secs: number;
  /** The worker's commission from the protocol fee, in basis points. */
  worker_commission_bps: number;
};

/** A job: its row (status by name) and the status code. */
export type JobView = JobRow & {
  /** The status as a number (`lumen_sdk::codes::JobStatus`). */
  status_code: number;
};

/** Where every deposit went, over all jobs. */
export type MoneyFlow = {
  deposits: number;
  fees: number;
  /** Still in escrow (jobs not final): `deposits − paid − fees − refunds`. */
  held: number;
  paid_to_workers: number;
  refunds: number;
  /** Stake slashed (not part of deposits). */
  slashed: number;
};

/** `GET /v1/params`. */
export type NetworkParams = {
  /** The admin. */
  admin?: string | null;
  /** Who may resolve disputes (the arbiter set, in the order added). */
  arbiters: Array<string>;
  asset: AssetView;
  /** Authorised attesters. */
  attesters: number;
  /** The chain it was indexed from. */
  chain_id?: number | null;
  /** Chain time of the last indexed transaction (seconds). */
  chain_time: number;
  /** The epoch of `chain_time`. */
  current_epoch: number;
  /** `config::initialize` has been indexed. */
  initialized: boolean;
  /** The package the database mirrors. */
  package?: string | null;
  /** Every parameter, in `move/README.md`'s order. */
  params: Array<ParamView>;
  /** The pause switch. */
  paused: boolean;
  /** A proposed admin that has not accepted yet. */
  pending_admin?: string | null;
  /** Where fees go. */
  treasury?: string | null;
};

/** A page of a list: pass `next_cursor` as `cursor` for the next page (absent on the last page). */
export type Page_BoardRow = {
  /** The items of this page. */
  items: Array<{
  address: string;
  /** What its rank would be paid now (0 past rank 100). */
  payout: number;
  points: PointsView;
  /** 1-based rank. */
  rank: number;
  /** Points of all sources (`total_points` on chain). */
  total: number;
}>;
  /** The cursor of the next page. */
  next_cursor?: string | null;
};

/** A page of a list: pass `next_cursor` as `cursor` for the next page (absent on the last page). */
export type Page_ClaimableRow = {
  /** The items of this page. */
  items: Array<{
  balance: number;
  credited_total: number;
  owner: string;
  updated_version: number;
  withdrawn_total: number;
}>;
  /** The cursor of the next page. */
  next_cursor?: string | null;
};

/** A page of a list: pass `next_cursor` as `cursor` for the next page (absent on the last page). */
export type Page_EpochRow = {
  /** The items of this page. */
  items: Array<{
  claimed: number;
  closed: boolean;
  epoch: number;
  funded: number;
  poc_pool: number;
  pod_pool: number;
  pool: number;
  reported_online_secs: number;
  rolled_over: number;
  total_poc_weight: string;
  total_pod_weight: string;
  updated_version: number;
}>;
  /** The cursor of the next page. */
  next_cursor?: string | null;
};

/** A page of a list: pass `next_cursor` as `cursor` for the next page (absent on the last page). */
export type Page_JobView = {
  /** The items of this page. */
  items: Array<JobRow & {
  /** The status as a number (`lumen_sdk::codes::JobStatus`). */
  status_code: number;
}>;
  /** The cursor of the next page. */
  next_cursor?: string | null;
};

/** A page of a list: pass `next_cursor` as `cursor` for the next page (absent on the last page). */
export type Page_WorkerView = {
  /** The items of this page. */
  items: Array<WorkerRow & {
  /** Eligible for jobs (`staking::is_eligible`). */
  eligible: boolean;
  /** The minimum stake `S(n)` at the valid score and price (raised to the protocol's floor price `min_price_per_ib_hour`). */
  min_stake: number;
  /** Online seconds reported over the priority window. */
  online_secs_window: number;
  /** The VIP priority score (`vip::worker_priority`). */
  priority: number;
  /** Attested, not revoked and not expired. */
  score_valid: boolean;
}>;
  /** The cursor of the next page. */
  next_cursor?: string | null;
};

/** A config parameter. */
export type ParamRow = {
  name: string;
  /** When the queued change may be applied. */
  pending_effective_at?: number | null;
  /** The value of a queued change (null when none). */
  pending_value?: number | null;
  updated_version: number;
  value: number;
};

/** One `config` parameter. */
export type ParamView = {
  /** What `config::initialize` sets. */
  default: number;
  /** Largest accepted value. */
  max: number;
  /** Smallest accepted value. */
  min: number;
  /** The name `config::set_param` takes. */
  name: string;
  /** The version of its last change. */
  updated_version?: number | null;
  /** The value on chain (the default before any `ParamsUpdated`). */
  value: number;
};

/** `GET /v1/campaign/users/{address}`. */
export type Participant = {
  /** Its last 100 campaign events, newest first. */
  history: Array<EventView>;
  /** What its rank would be paid now. */
  payout: number;
  points: PointsView;
  /** Leaderboard rank (null without points). */
  rank?: number | null;
  /** Points of all sources. */
  total: number;
  user?: null | CampaignUserRow;
};

/** What paying the top 100 now would pay. */
export type PayoutPreview = {
  pool: number;
  pool_covers: boolean;
  tiers: Array<TierPayout>;
  total: number;
  winners: number;
};

export type PointsView = {
  check_in: number;
  creator: number;
  referral: number;
  social: number;
  worker_online: number;
  worker_render: number;
};

/** A creator with its priority and place. */
export type RankedCreator = CreatorRow & {
  /** The VIP priority score (`vip::creator_priority`). */
  priority: number;
  /** 1-based place. */
  rank: number;
  /** Gross spent in the current 30-day month. */
  spent_this_month: number;
};

/** A worker with its place on the leaderboard. */
export type RankedWorker = WorkerView & {
  /** 1-based place. */
  rank: number;
};

/** The event's fields as the node served them (u64 as strings, addresses as hex). */
export type RawJson = Record<string, unknown>;

/** A worker's rewards. */
export type RewardsView = {
  claimed_total: number;
  /** Its last 100 epochs, newest first. */
  epochs: Array<WorkerEpochView>;
};

/** A worker's stake. */
export type StakeView = {
  eligible: boolean;
  /** Its last 100 staking events, newest first. */
  history: Array<EventView>;
  /** Locked as collateral of the worker's active jobs (part of `stake`; `request_unstake` cannot go below it). */
  locked: number;
  min_stake: number;
  price_per_ib_hour: number;
  slashed_total: number;
  stake: number;
  unbonding: number;
  unbonding_available_at: number;
  withdrawn_total: number;
};

/** Network totals. */
export type StatsView = {
  /** Chain time of the last indexed transaction: "now" for validity. */
  chain_time: number;
  /** Settlement legs escrow holds for frozen stores, not yet withdrawn (decimal). */
  claimable: string;
  /** Creators that created a job. */
  creators: number;
  /** The epoch of `chain_time`. */
  current_epoch: number;
  /** Epochs indexed. */
  epochs: number;
  /** Frames paid for all jobs (decimal). */
  frames_paid: string;
  /** The last version indexed. */
  indexed_version?: number | null;
  jobs: JobCounts;
  /** The part of it locked as collateral of active jobs (decimal). */
  locked_stake: string;
  /** Gross paid for all jobs (decimal). */
  total_paid: string;
  /** Stake of all workers (decimal). */
  total_stake: string;
  /** VIP passes held (not revoked). */
  vip_holders: number;
  workers: WorkerCounts;
};

/** Indexed version, chain head and lag. */
export type StatusView = {
  /** The chain head: asked from the node when one is configured (cached for a second), else the newest head the ingestion saw. */
  chain_head?: number | null;
  /** The chain the database was built from. */
  chain_id?: number | null;
  /** `primary`, or `standby` for a streaming replica. */
  database_role: string;
  /** Package events stored. */
  events_total: number;
  /** Time of the last indexed transaction (µs). */
  indexed_timestamp_us?: number | null;
  /** The last version indexed. */
  indexed_version?: number | null;
  /** Why this process's ingestion stopped, if it did (the API serves on). */
  ingest_error?: string | null;
  /** `chain_head − indexed_version`. */
  lag?: number | null;
  /** The node's last failure, while it does not answer. */
  node_error?: string | null;
  /** Since when (Unix seconds) the node does not answer this process; null while it answers. */
  node_unreachable_since?: number | null;
  /** The package the database mirrors. */
  package?: string | null;
  /** On a standby: seconds since the commit of the last transaction it replayed (what it shows is at least this old). */
  replay_lag_secs?: number | null;
};

/** One payout tier of the preview. */
export type TierPayout = {
  first_rank: number;
  last_rank: number;
  per_user: number;
  tier: number;
  total: number;
  /** Ranked participants in the tier. */
  winners: number;
};

/** One attester's uptime vote for a worker in an epoch. */
export type UptimeVoteRow = {
  approvals: number;
  attester: string;
  epoch: number;
  online_secs: number;
  threshold: number;
  version: number;
  worker: string;
};

/** `GET /v1/vip`. */
export type VipList = {
  /** Oldest first. */
  items: Array<VipPassView>;
};

/** A VIP pass. */
export type VipPassRow = {
  /** The admin's revocation bans the holder from the role until lifted. */
  banned: boolean;
  /** Burnt by `expire` (the holder stopped qualifying). */
  expired: boolean;
  holder: string;
  minted_at: number;
  revoked: boolean;
  revoked_by?: string | null;
  role: number;
  token: string;
  updated_version: number;
};

/** A pass with its role's name. */
export type VipPassView = VipPassRow & {
  /** `creator` or `worker`. */
  role_name: string;
};

/** `GET /v1/leaderboards/workers`. */
export type WorkerBoard = {
  items: Array<RankedWorker>;
  /** The epochs `[from, to)` whose uptime counts. */
  window_epochs: Array<number>;
};

/** Workers in all and with a valid score. */
export type WorkerCounts = {
  total: number;
  with_valid_score: number;
};

/** A worker's uptime, leases and reward in one epoch. */
export type WorkerEpochRow = {
  claimed: number;
  epoch: number;
  lease_secs: number;
  online_secs: number;
  poc_amount: number;
  poc_weight: string;
  pod_amount: number;
  pod_weight: string;
  uptime_score: number;
  worker: string;
};

/** A worker's epoch with the reward it is entitled to once the epoch closed. */
export type WorkerEpochView = WorkerEpochRow & {
  /** PoC + PoD reward of a closed epoch (claimed or not); null while open. */
  reward?: number | null;
};

/** `GET /v1/workers/{address}`. */
export type WorkerPage = {
  /** Its last 100 attestations and revocations, newest first. */
  attestations: Array<AttestationRow>;
  /** Its last 100 device keys registered and devices released, newest first. */
  devices: Array<DeviceEventRow>;
  /** Its last 50 jobs, newest first. */
  jobs: Array<JobView>;
  rewards: RewardsView;
  stake: StakeView;
  /** The last 100 attesters' uptime votes for it, newest epoch first. */
  uptime_votes: Array<UptimeVoteRow>;
  worker: WorkerView;
};

/** A worker. */
export type WorkerRow = {
  address: string;
  bench_version: number;
  device_id?: string | null;
  /** The device key the worker's account registered (hex with 0x). */
  device_public_key?: string | null;
  first_version: number;
  frames_completed: number;
  gpu_model?: string | null;
  jobs_completed: number;
  jobs_failed: number;
  lease_secs: number;
  /** Part of `stake` locked as collateral of active jobs. */
  locked: number;
  price_per_ib_hour: number;
  rewards_claimed: number;
  score: number;
  score_effective_at: number;
  score_expires_at: number;
  score_revoked: boolean;
  slashed_total: number;
  stake: number;
  unbonding: number;
  unbonding_available_at: number;
  updated_version: number;
  vip: boolean;
  vram_mb: number;
  withdrawn_total: number;
};

/** A worker with what the chain would compute for it now. */
export type WorkerView = WorkerRow & {
  /** Eligible for jobs (`staking::is_eligible`). */
  eligible: boolean;
  /** The minimum stake `S(n)` at the valid score and price (raised to the protocol's floor price `min_price_per_ib_hour`). */
  min_stake: number;
  /** Online seconds reported over the priority window. */
  online_secs_window: number;
  /** The VIP priority score (`vip::worker_priority`). */
  priority: number;
  /** Attested, not revoked and not expired. */
  score_valid: boolean;
};

/** The answer of each `GET` path. */
export interface Answers {
  "/health": Health;
  "/metrics": string;
  "/openapi.json": Record<string, unknown>;
  "/v1/attesters": AttesterList;
  "/v1/campaign": CampaignSummary;
  "/v1/campaign/leaderboard": CampaignBoard;
  "/v1/campaign/users/{address}": Participant;
  "/v1/claimables": Page_ClaimableRow;
  "/v1/claimables/{address}": ClaimableRow;
  "/v1/config": ConfigView;
  "/v1/creators/{address}": CreatorPage;
  "/v1/epochs": Page_EpochRow;
  "/v1/epochs/{epoch}": EpochPage;
  "/v1/jobs": Page_JobView;
  "/v1/jobs/{id}": JobPage;
  "/v1/jobs/{id}/candidates": Candidates;
  "/v1/leaderboard/campaign": CampaignBoard;
  "/v1/leaderboards/creators": CreatorBoard;
  "/v1/leaderboards/workers": WorkerBoard;
  "/v1/live": FeedEvent;
  "/v1/params": NetworkParams;
  "/v1/stats": StatsView;
  "/v1/stats/daily": DailyStats;
  "/v1/status": StatusView;
  "/v1/vip": VipList;
  "/v1/workers": Page_WorkerView;
  "/v1/workers/{address}": WorkerPage;
}

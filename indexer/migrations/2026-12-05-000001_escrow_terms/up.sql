-- Escrow terms fixed at assignment, partial acceptance and disputes that
-- record who opened them and what their timeout pays, stake locked as
-- collateral of active jobs, and settlement legs held as claimable balances.

-- `terms`: escrow::JobTerms as JobAssigned carries it (`null` while open).
-- `review`: what happened after a submission, filled as it happens:
-- `frames_accepted` and `response_deadline` (a partial acceptance),
-- `disputed_by`, `timeout_frames` and `timeout_at` (a dispute).
ALTER TABLE jobs
    ADD COLUMN terms JSONB,
    ADD COLUMN review JSONB;

ALTER TABLE workers ADD COLUMN locked BIGINT NOT NULL DEFAULT 0;

-- Per address: legs escrow could not deliver (the store was frozen) and
-- holds in its registry until the owner withdraws them.
CREATE TABLE claimables (
    owner TEXT PRIMARY KEY,
    balance BIGINT NOT NULL,
    credited_total BIGINT NOT NULL,
    withdrawn_total BIGINT NOT NULL,
    updated_version BIGINT NOT NULL
);
CREATE INDEX claimables_by_balance ON claimables (balance DESC, owner);

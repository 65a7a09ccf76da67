-- Where the database began (`--start-version` of its first run), and the
-- identity of the ledger it mirrors: the hash of the last indexed
-- transaction and the epoch of the last indexed block.
ALTER TABLE checkpoint ADD COLUMN first_version BIGINT;
-- A checkpoint with nothing applied began where it stands; otherwise the
-- beginning is unknown and taken as 0.
UPDATE checkpoint SET first_version =
    CASE WHEN events_total = 0 AND timestamp_us = 0 THEN version ELSE 0 END;
ALTER TABLE checkpoint ALTER COLUMN first_version SET NOT NULL;
ALTER TABLE checkpoint ADD COLUMN last_hash TEXT;
ALTER TABLE checkpoint ADD COLUMN last_epoch BIGINT;

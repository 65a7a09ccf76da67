ALTER TABLE checkpoint DROP COLUMN last_epoch;
ALTER TABLE checkpoint DROP COLUMN last_hash;
ALTER TABLE checkpoint DROP COLUMN first_version;

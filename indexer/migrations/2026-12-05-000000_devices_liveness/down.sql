DROP TABLE uptime_votes;
DROP TABLE device_events;
ALTER TABLE workers DROP COLUMN device_public_key;

DROP TABLE claimables;
ALTER TABLE workers DROP COLUMN locked;
ALTER TABLE jobs DROP COLUMN terms, DROP COLUMN review;

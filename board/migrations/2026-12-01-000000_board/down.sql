DROP TABLE seen_signatures;
DROP TABLE frames;
DROP TABLE offers;
DROP TABLE jobs;

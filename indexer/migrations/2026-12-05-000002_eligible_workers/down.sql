DROP TABLE eligible_basis;
DROP TABLE eligible_workers;

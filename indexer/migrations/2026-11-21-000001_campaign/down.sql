DROP TABLE campaign;
DROP TABLE campaign_users;

DROP TABLE campaign_online;
DROP TABLE campaign_points;

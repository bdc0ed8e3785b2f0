-- Per-user rate limits (src/data/rate-limit.queries.ts): one row per (limit, user) counting the uses of the
-- current window, which starts at the first use after the previous one ended. Kept in the database, so
-- every bot process counts against the same limit. Rows of windows that ended are deleted by the bot.
CREATE TABLE rate_limit (
  bucket VARCHAR(32) CHARACTER SET ascii NOT NULL,
  actor_id VARCHAR(32) NOT NULL,
  window_start DATETIME(3) NOT NULL,
  window_ends DATETIME(3) NOT NULL,
  hits INT UNSIGNED NOT NULL,
  PRIMARY KEY (bucket, actor_id),
  KEY ix_rate_limit_ends (window_ends)
) ENGINE=InnoDB;

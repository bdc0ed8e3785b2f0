-- name: AlertCensus :one
-- Patients in the ER at an instant.
SELECT COUNT(*) AS n FROM er_visit
WHERE arrived_at <= :at AND (departed_at IS NULL OR departed_at > :at);

-- name: AlertWaiting :one
-- Patients of triage level 1-2 in the ER at an instant who arrived at or before :arrivedBy and have had no
-- treatment yet.
SELECT COUNT(*) AS n FROM er_visit v
WHERE v.triage_level <= 2 AND v.arrived_at <= :arrivedBy AND (v.departed_at IS NULL OR v.departed_at > :at)
  AND NOT EXISTS (SELECT 1 FROM er_treatment t WHERE t.visit_id = v.id AND t.performed_at <= :at);

-- name: AlertHighDispatches :one
-- High-severity dispatches in (from, at].
SELECT COUNT(*) AS n FROM ambulance_dispatch
WHERE severity = 'high' AND dispatched_at > :from AND dispatched_at <= :at;

-- name: AlertRuleStates :many
SELECT id, channel_id, rule, state, version, transitions, clear_since, measured, evaluated_at, fired_at, cleared_at
FROM alert_rule_state WHERE channel_id = :channel ORDER BY rule;

-- name: InsertAlertRuleState :execrows
-- A rule seen for the first time in a channel starts armed. Another process may insert it first: the
-- unique key (channel_id, rule) refuses the second insert with a duplicate-key error.
INSERT INTO alert_rule_state (channel_id, rule, state) VALUES (:channel, :rule, 'armed');

-- name: UpdateAlertRuleState :execrows
-- Moves a rule on from the version this process read; 0 rows when another process moved it first.
UPDATE alert_rule_state
SET state = :state, version = version + 1, transitions = :transitions, clear_since = :clearSince,
  measured = :measured, evaluated_at = :now, fired_at = :firedAt, cleared_at = :clearedAt
WHERE id = :id AND version = :seenVersion;

-- name: InsertAlertPost :exec
-- Claimed by the process that moved the rule on, in the same transaction; an escalation by the process whose
-- insert lands (the unique key refuses the others).
INSERT INTO alert_post (channel_id, rule, seq, kind, happened_at, fired_at, measured, threshold, state,
  claimed_by, claimed_at)
VALUES (:channel, :rule, :seq, :kind, :happenedAt, :firedAt, :measured, :threshold, 'claimed', :instance,
  :now);

-- name: AlertPostIdBySeq :one
SELECT id FROM alert_post WHERE channel_id = :channel AND rule = :rule AND seq = :seq AND kind = :kind;

-- name: FiredAlertPost :one
-- The fired post of an episode, which its escalation and its clearing reply to.
SELECT id, channel_id, rule, seq, kind, happened_at, fired_at, measured, threshold, state, claimed_by,
  claimed_at, posted_at, message_id, attempts, last_status, last_error, acknowledged_by, acknowledged_name,
  acknowledged_at, resolved_at
FROM alert_post WHERE channel_id = :channel AND rule = :rule AND seq = :seq AND kind = 'fired';

-- name: MarkAlertResolved :exec
-- The episode of a fired post is over: its post is to be edited to say so (resolution_shown_at still NULL).
UPDATE alert_post SET resolved_at = :now
WHERE channel_id = :channel AND rule = :rule AND seq = :seq AND kind = 'fired';

-- name: AlertPostById :one
SELECT id, channel_id, rule, seq, kind, happened_at, fired_at, measured, threshold, state, claimed_by,
  claimed_at, posted_at, message_id, attempts, last_status, last_error, acknowledged_by, acknowledged_name,
  acknowledged_at, resolved_at
FROM alert_post WHERE id = :id;

-- name: StaleAlertPosts :many
-- Posts claimed by a process that has not finished them within the lease: it died, or never will.
SELECT id, channel_id, rule, seq, kind, happened_at, fired_at, measured, threshold, state, claimed_by,
  claimed_at, posted_at, message_id, attempts, last_status, last_error, acknowledged_by, acknowledged_name,
  acknowledged_at, resolved_at
FROM alert_post WHERE channel_id = :channel AND state = 'claimed' AND claimed_at < :staleBefore
ORDER BY rule, seq;

-- name: NewerAlertPosted :one
-- Whether a later transition of the same rule is posted already (then an older one is out of date).
SELECT COUNT(*) AS n FROM alert_post
WHERE channel_id = :channel AND rule = :rule AND seq > :seq AND state = 'posted';

-- name: SupersedeAlertPost :execrows
UPDATE alert_post SET state = 'superseded' WHERE id = :id AND claimed_by = :instance;

-- name: LastAlertPosts :many
-- Each rule's latest post in a channel, and its latest delivery failure.
SELECT p.rule, p.kind, p.state, p.happened_at, p.claimed_at, p.posted_at, p.last_status, p.last_error
FROM alert_post p
WHERE p.channel_id = :channel AND p.id IN (
  SELECT MAX(id) FROM alert_post WHERE channel_id = :channel GROUP BY rule
  UNION
  SELECT MAX(id) FROM alert_post WHERE channel_id = :channel AND state = 'failed' GROUP BY rule)
ORDER BY p.rule, p.id;

-- Subscriptions (src/data/subscriptions.queries.ts): a member's reports at local times, and their slots.

-- name: InsertSubscription :execlastid
-- @param targetChannelId: string | null
INSERT INTO subscription (user_id, guild_id, origin_channel_id, report, sensitivity, times, days, target,
  target_channel_id, skip_empty, created_at)
VALUES (:userId, :guildId, :originChannelId, :report, :sensitivity, :times, :days, :target, :targetChannelId,
  :skipEmpty, :now);

-- name: SubscriptionsOf :many
SELECT id, user_id, guild_id, origin_channel_id, report, sensitivity, times, days, target, target_channel_id,
  skip_empty, created_at, paused_at, paused_reason
FROM subscription WHERE user_id = :userId ORDER BY id;

-- name: ActiveSubscriptions :many
SELECT id, user_id, guild_id, origin_channel_id, report, sensitivity, times, days, target, target_channel_id,
  skip_empty, created_at, paused_at, paused_reason
FROM subscription WHERE paused_at IS NULL ORDER BY id;

-- name: DeleteSubscription :execrows
-- Only the member's own subscription.
DELETE FROM subscription WHERE id = :id AND user_id = :userId;

-- name: PauseSubscription :execrows
-- 1 row for the one process that pauses it (and so tells the member), 0 for any other.
UPDATE subscription SET paused_at = :now, paused_reason = :reason WHERE id = :id AND paused_at IS NULL;

-- name: ClaimSubscriptionPost :execrows
-- Claims a slot for this instance (or records it missed). Another instance's claim of the same slot makes
-- the unique key (subscription_id, slot_at) refuse it with a duplicate-key error.
-- @param state: 'claimed' | 'missed'
INSERT INTO subscription_post (subscription_id, slot_at, channel_id, state, claimed_by, claimed_at)
VALUES (:subscriptionId, :slotAt, :channelId, :state, :instance, :now);

-- name: GetSubscriptionPost :one
SELECT id, subscription_id, slot_at, channel_id, state, claimed_by, claimed_at, posted_at, message_id, attempts
FROM subscription_post WHERE subscription_id = :subscriptionId AND slot_at = :slotAt;

-- name: LatestSubscriptionPosts :many
-- The newest slot row of each of a member's subscriptions, for /subscribe list.
SELECT p.subscription_id, p.slot_at, p.state
FROM subscription_post p JOIN subscription s ON s.id = p.subscription_id
WHERE s.user_id = :userId AND p.slot_at >= :since
ORDER BY p.subscription_id, p.slot_at;

-- name: SkipSubscriptionPost :execrows
-- Nothing to send (an empty report, when the member asked to skip those); only the claim holder.
UPDATE subscription_post SET state = 'skipped', posted_at = :now WHERE id = :id AND claimed_by = :instance;

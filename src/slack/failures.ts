import type { SlackFailure } from '../flows/ports.js';

/** Slack Web API error codes that no retry fixes, for this recipient or message. */
const RECIPIENT_ERRORS = new Set([
  // The person or conversation (chat.postMessage, users.info, conversations.join).
  'channel_not_found', 'not_in_channel', 'is_archived', 'user_not_found', 'users_not_found', 'user_not_visible', 'user_disabled', 'cannot_dm_bot',
  'messages_tab_disabled', 'team_access_not_granted', 'method_not_supported_for_channel_type',
  'restricted_action', 'restricted_action_read_only_channel', 'restricted_action_thread_only_channel', 'restricted_action_non_threadable_channel',
  // The message itself: sent again, it is refused again.
  'invalid_blocks', 'invalid_blocks_format', 'msg_too_long', 'no_text', 'too_many_attachments',
]);

/**
 * Errors of the bot's token or the workspace (chat.postMessage's `account_inactive` is the bot
 * token's account): they fail every call alike. Ambiguous codes (no_permission, access_denied) are
 * not here: they count as transient, so they are retried a few times and never hold anybody back.
 */
const APP_ERRORS = new Set([
  'not_authed', 'invalid_auth', 'account_inactive', 'token_revoked', 'token_expired', 'missing_scope', 'not_allowed_token_type',
  'org_login_required', 'ekm_access_denied', 'two_factor_setup_required', 'enterprise_is_restricted', 'accesslimited',
]);

/** Sorts an error thrown by @slack/web-api (or a stand-in shaped like it) into recipient, app or transient. */
export function classifySlackError(err: unknown): SlackFailure {
  const e = (err ?? {}) as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; retryAfter?: unknown; message?: unknown };
  const platform = typeof e.data?.error === 'string' ? e.data.error : undefined;
  if (platform) return { kind: RECIPIENT_ERRORS.has(platform) ? 'recipient' : APP_ERRORS.has(platform) ? 'app' : 'transient', code: platform };
  if (e.code === 'slack_webapi_rate_limited_error') return { kind: 'transient', code: 'rate_limited', ...(typeof e.retryAfter === 'number' ? { retryAfterMs: e.retryAfter * 1000 } : {}) };
  if (e.code === 'slack_webapi_http_error') return { kind: 'transient', code: `http_${typeof e.statusCode === 'number' ? e.statusCode : 'error'}` };
  if (e.code === 'slack_webapi_request_error') return { kind: 'transient', code: 'request_error' };
  // What the client throws when a 429 outlasts its own retries: a plain Error.
  if (typeof e.message === 'string' && e.message.startsWith('A rate limit was exceeded')) return { kind: 'transient', code: 'rate_limited' };
  return { kind: 'transient', code: 'error' };
}

/**
 * Runs a Slack call; when it fails, rejects with Slack's own error (its type, code and stack stay
 * for the logs) carrying the port's reading of it as `failure` (see slackFailureOf).
 */
export async function classified<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err && typeof err === 'object') Object.assign(err, { failure: classifySlackError(err) });
    throw err;
  }
}

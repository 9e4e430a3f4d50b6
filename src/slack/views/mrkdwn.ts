/** Text that goes into Slack mrkdwn: user text escaped, links only when they cannot break the markup. */

/**
 * &, < and > in user text would be read as Slack markup (links, <!channel>, <@U…> mentions):
 * every text a person, Jira or a JQL supplies goes through this before it reaches mrkdwn or a
 * message's `text` fallback (which Slack also reads as mrkdwn).
 */
export const escapeMrkdwn = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const icon = (severity: string): string => (severity === 'error' ? ':x:' : ':warning:');

/**
 * `<url|label>`, or null when the URL could end the link early or needs escaping inside one
 * (|, <, >, & or whitespace) or is not http(s): better no link than broken markup. `label` is
 * mrkdwn already (escaped by the caller) and must not contain `|` or `>`.
 */
export function mrkdwnLink(url: string | undefined, label: string): string | null {
  if (!url || !/^https?:\/\/[^\s|<>&]+$/.test(url)) return null;
  return `<${url}|${label}>`;
}

/** A ticket key linked to the ticket; the key alone (escaped) when the URL could break the link. */
export function ticketLink(url: string, key: string): string {
  const label = escapeMrkdwn(key).replace(/\|/g, '¦');
  return mrkdwnLink(url, label) ?? escapeMrkdwn(key);
}

/** `<@U…>` for a Slack user id, or null for anything else: a stored value never becomes `<!channel>`. */
export function mention(userId: string | null | undefined): string | null {
  return userId && /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : null;
}

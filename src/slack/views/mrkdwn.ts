/** Text that goes into Slack mrkdwn: user text escaped, links only when they cannot break the markup. */

/** &, < and > in user text would be read as Slack markup (links, mentions). */
export const escapeMrkdwn = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const icon = (severity: string): string => (severity === 'error' ? ':x:' : ':warning:');

/**
 * `<url|label>`, or null when the URL could end the link early or needs escaping inside one
 * (|, <, >, & or whitespace) or is not http(s): better no link than broken markup.
 */
export function mrkdwnLink(url: string | undefined, label: string): string | null {
  if (!url || !/^https?:\/\/[^\s|<>&]+$/.test(url)) return null;
  return `<${url}|${label}>`;
}

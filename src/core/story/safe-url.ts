/**
 * A design link Centric may write: https only, one piece (no spaces, no markup characters that
 * would close a wiki link or a Slack link). Anything else is not written ("" for none). Checked in
 * the modal and again by both rewrites, so no caller can write another link into a ticket.
 */
export function safeDesignUrl(url: string): string {
  const trimmed = url.trim();
  if (!trimmed || /[\s|[\]{}<>"!^`\\]/.test(trimmed)) return '';
  try {
    return new URL(trimmed).protocol === 'https:' ? trimmed : '';
  } catch {
    return '';
  }
}

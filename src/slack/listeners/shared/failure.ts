import { randomBytes } from 'node:crypto';
import type { Locale } from '../../../core/i18n/locales.js';
import type { Logger } from '../../../runtime/logger.js';
import { slackText } from '../../views/i18n.js';

/**
 * Logs a failure with a short id and returns the id: the person is shown the id, never the
 * internal message ("too many SQL variables", a Jira error body); the log has the detail, and the
 * id finds it.
 */
export function logFailure(logger: Logger, err: unknown, context: Record<string, unknown>, message: string): string {
  const errorId = randomBytes(4).toString('hex').toUpperCase();
  logger.error({ ...context, errorId, err }, message);
  return errorId;
}

/** What the person reads after a failure, in their language: what did not work, what to do, and the id for the admin. */
export const sorry = (what: string, todo: string, errorId: string, locale: Locale = 'en') => slackText(locale)('sorry', { what, todo, id: errorId });

import type { Locale } from '../../../core/i18n/locales.js';
import type { ListenerDeps } from '../deps.js';

type LocaleDeps = Pick<ListenerDeps, 'locale' | 'logger'>;

/**
 * How long an answer that must reach Slack within 3 s (an ack, a modal on a trigger_id) waits for
 * the person's language; users.info is cached, so this only counts the first time in a while.
 */
export const LOCALE_WAIT_MS = 1_500;

/**
 * The language to answer a person in: their Slack locale. When Slack cannot say, the answer goes
 * out in English and the log says why: an answer in English beats none.
 */
async function askedLocale(deps: LocaleDeps, userId: string): Promise<Locale> {
  if (!deps.locale) return 'en';
  try {
    return await deps.locale(userId);
  } catch (err) {
    deps.logger.warn({ user: userId, err }, "could not read the person's Slack locale; answering in English");
    return 'en';
  }
}

/**
 * The person's locale, or English when it takes longer than `waitMs`. Bounded in time on every
 * path: nearly every answer is due within Slack's 3 s (an ack, a modal on a trigger_id), and a
 * users.info that hangs must not hold any answer back.
 */
export async function personLocale(deps: LocaleDeps, userId: string, waitMs = LOCALE_WAIT_MS): Promise<Locale> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Locale>((resolve) => {
    timer = setTimeout(() => {
      deps.logger.warn({ user: userId, waitMs }, "the person's Slack locale took too long; answering in English");
      resolve('en');
    }, waitMs);
    timer.unref();
  });
  try {
    return await Promise.race([askedLocale(deps, userId), late]);
  } finally {
    clearTimeout(timer);
  }
}

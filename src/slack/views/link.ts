import type { Locale } from '../../core/i18n/locales.js';
import type { LinkResult } from '../../flows/identity.js';
import type { LinkMoved } from '../../flows/ports.js';
import { slackText } from './i18n.js';
import type { SlackMessage } from './limits.js';
import { lineMessage } from './line.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** How to prove who one is, in one sentence. */
export const howToLink = (locale: Locale = 'en'): string => slackText(locale)('link.how');

/** The DM to someone whose link moved to another Slack user, in their language. */
export function linkMovedMessage(moved: LinkMoved, locale: Locale = 'en'): SlackMessage {
  return lineMessage(slackText(locale)('link.moved', { account: escapeMrkdwn(moved.account), to: `<@${moved.to}>`, by: moved.by }), locale);
}

/** The DM to someone an admin unlinked, in their language. */
export function linkRemovedMessage(removed: { account: string; by: string }, locale: Locale = 'en'): SlackMessage {
  return lineMessage(slackText(locale)('link.removed', { by: `<@${removed.by}>`, account: escapeMrkdwn(removed.account) }), locale);
}

const HOW: Record<'email' | 'code' | 'admin' | 'shared', 'link.byEmail' | 'link.byCode' | 'link.byAdmin' | 'link.byAdminShared'> = {
  email: 'link.byEmail',
  code: 'link.byCode',
  admin: 'link.byAdmin',
  shared: 'link.byAdminShared',
};

/** The answer to /centric link and /centric unlink. */
export function linkLine(result: LinkResult, locale: Locale = 'en'): string {
  const t = slackText(locale);
  switch (result.kind) {
    case 'linked': {
      const how = t(HOW[result.by === 'admin' && result.shared ? 'shared' : result.by]);
      const sentences = [t('link.linked', { self: result.self ? 'yes' : 'no', user: `<@${result.user}>`, account: escapeMrkdwn(result.account), how })];
      if (result.replaced.length > 0) sentences.push(t('link.replaced', { users: result.replaced.map((u) => `<@${u}>`).join(', ') }));
      if (result.commentLeft) sentences.push(t('link.commentLeft', { ticket: result.commentLeft }));
      return sentences.join(' ');
    }
    case 'link-code':
      return t('link.code', { ticket: result.ticket, minutes: result.minutes, code: result.code });
    case 'link-refused':
      switch (result.reason) {
        case 'no-email-match':
          return t('link.noEmailMatch', { how: howToLink(locale) });
        case 'no-code':
          return t('link.noCode');
        case 'code-expired':
          return t('link.codeExpired', { ticket: result.ticket ?? '' });
        case 'code-not-found':
          return t('link.codeNotFound', { ticket: result.ticket ?? '' });
        case 'admins-only':
          return t('link.adminsOnly', { how: howToLink(locale) });
        case 'blocked':
          return t('link.blocked');
      }
    // eslint-disable-next-line no-fallthrough
    case 'unlinked':
      if (!result.account) return t('link.wasNotLinked', { self: result.self ? 'yes' : 'no', user: `<@${result.user}>` });
      return t('link.unlinked', { self: result.self ? 'yes' : 'no', user: `<@${result.user}>`, account: escapeMrkdwn(result.account) });
  }
}

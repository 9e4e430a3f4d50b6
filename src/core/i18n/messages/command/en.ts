import type { Catalog } from '../../translate.js';

/**
 * What `/centric` answers when the text after it is not a command (core/slash-command.ts): what
 * to type instead. Mrkdwn: commands in backticks; {text} and {value} are the person's own words,
 * quoted back as Slack sent them. Command words and arguments (`monday 09:00`, `#channel`) stay
 * as typed, in every language: they are what the parser reads.
 */
export const en = {
  notTime: '"{value}" is not a time: write it as hh:mm, e.g. monday 09:00',
  linkUsage: 'type `/centric link` (your Slack e-mail), `/centric link SHOP-123` (a one-time code to post on a ticket), or, as an admin, `/centric link @someone <Jira account id>`.',
  notLink: '"{text}" is not something to link: {usage}',
  checkWhich: 'Which ticket? Type `/centric check SHOP-123`.',
  checkNotKey: '"{text}" is not a ticket key: type `/centric check SHOP-123`.',
  digestNotProject: '"{text}" is not a project key: type `/centric digest SHOP`, or `/centric digest` for every subscription of this channel.',
  outcomesWhich: 'Which project? Name one: `/centric outcomes SHOP`.',
  outcomesNotProject: '"{text}" is not a project key: type `/centric outcomes SHOP`.',
  rankWhich: 'Which project? Name one: `/centric rank SHOP`.',
  rankNotProject: '"{text}" is not a project key: type `/centric rank SHOP`.',
  subscribeWhat: 'Subscribe to what? Type `/centric subscribe SHOP #channel monday 09:00`, or a JQL instead of SHOP.',
  unlinkNotUser: '"{text}" is not a Slack user: type `/centric unlink` for yourself, or `/centric unlink @someone` (admins).',
  muteNotDays: '"{text}" is not a number of days: type `/centric mute 7` (1 to 365).',
  unknown: '"{text}" is not a /centric command. Type `/centric help` to see them all.',
  unknownGuess: '"{text}" is not a /centric command. Did you mean `/centric {guess}`? Type `/centric help` to see them all.',
} as const satisfies Catalog;

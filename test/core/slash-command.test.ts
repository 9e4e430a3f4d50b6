import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/slash-command.js';

describe('/centric command text', () => {
  it.each([
    ['', { name: 'help' }],
    ['help', { name: 'help' }],
    ['check shop-12', { name: 'check', key: 'SHOP-12' }],
    ['template', { name: 'template', persona: null }],
    ['template weekly shopper', { name: 'template', persona: 'weekly shopper' }],
    ['mine', { name: 'mine' }],
    ['digest', { name: 'digest', project: null }],
    ['digest shop', { name: 'digest', project: 'SHOP' }],
    ['outcomes shop', { name: 'outcomes', project: 'SHOP' }],
    ['subscribe SHOP', { name: 'subscribe', scope: { type: 'project', value: 'SHOP' }, channel: null, schedule: null }],
    ['subscribe SHOP <#C024BE7LR|product> friday 16:30', { name: 'subscribe', scope: { type: 'project', value: 'SHOP' }, channel: 'C024BE7LR', schedule: { weekday: 5, time: '16:30' } }],
    ['subscribe project = SHOP AND labels = web &amp; mobile monday 9:05', { name: 'subscribe', scope: { type: 'jql', value: 'project = SHOP AND labels = web & mobile' }, channel: null, schedule: { weekday: 1, time: '09:05' } }],
    ['unsubscribe', { name: 'unsubscribe', scope: null, channel: null }],
    ['unsubscribe SHOP <#C1>', { name: 'unsubscribe', scope: { type: 'project', value: 'SHOP' }, channel: 'C1' }],
    ['subscriptions', { name: 'subscriptions', channel: null }],
    ['link', { name: 'link', how: { by: 'email' } }],
    ['link shop-7', { name: 'link', how: { by: 'code', ticket: 'SHOP-7' } }],
    ['link done', { name: 'link', how: { by: 'verify' } }],
    ['link Verify', { name: 'link', how: { by: 'verify' } }],
    ['link 5b10a2844c20165700ede21g', { name: 'link', how: { by: 'admin', user: null, account: '5b10a2844c20165700ede21g', shared: false } }],
    ['link &lt;@U024BE7LH|ana&gt; 5b10a2844c20165700ede21g', { name: 'link', how: { by: 'admin', user: 'U024BE7LH', account: '5b10a2844c20165700ede21g', shared: false } }],
    ['link <@U024BE7LH> jdoe shared', { name: 'link', how: { by: 'admin', user: 'U024BE7LH', account: 'jdoe', shared: true } }],
    ['unlink', { name: 'unlink', user: null }],
    ['unlink <@U024BE7LH|ana>', { name: 'unlink', user: 'U024BE7LH' }],
    ['mute', { name: 'mute', days: 7 }],
    ['mute 3 days', { name: 'mute', days: 3 }],
    ['unmute', { name: 'unmute' }],
    ['CHECK SHOP-1', { name: 'check', key: 'SHOP-1' }],
  ])('"%s"', (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['check', 'Which ticket? Type `/centric check SHOP-123`.'],
    ['check shop', '"shop" is not a ticket key: type `/centric check SHOP-123`.'],
    ['check SHOP-1 SHOP-2', '"SHOP-1 SHOP-2" is not a ticket key: type `/centric check SHOP-123`.'],
    ['chek SHOP-1', '"chek" is not a /centric command. Did you mean `/centric check`? Type `/centric help` to see them all.'],
    ['subscibe SHOP', '"subscibe" is not a /centric command. Did you mean `/centric subscribe`? Type `/centric help` to see them all.'],
    ['dance', '"dance" is not a /centric command. Type `/centric help` to see them all.'],
    ['subscribe', 'Subscribe to what? Type `/centric subscribe SHOP #channel monday 09:00`, or a JQL instead of SHOP.'],
    ['subscribe SHOP monday 9am', '"9am" is not a time: write it as hh:mm, e.g. monday 09:00'],
    ['link not an id!', '"not an id!" is not something to link: type `/centric link` (your Slack e-mail), `/centric link SHOP-123` (a one-time code to post on a ticket), or, as an admin, `/centric link @someone <Jira account id>`.'],
    ['link <@U1> acc twice', '"<@U1> acc twice" is not something to link: type `/centric link` (your Slack e-mail), `/centric link SHOP-123` (a one-time code to post on a ticket), or, as an admin, `/centric link @someone <Jira account id>`.'],
    ['unlink ana', '"ana" is not a Slack user: type `/centric unlink` for yourself, or `/centric unlink @someone` (admins).'],
    ['mute forever', '"forever" is not a number of days: type `/centric mute 7` (1 to 365).'],
    ['mute 400', '"400" is not a number of days: type `/centric mute 7` (1 to 365).'],
    ['digest shop-1', '"shop-1" is not a project key: type `/centric digest SHOP`, or `/centric digest` for every subscription of this channel.'],
    ['outcomes', 'Which project? Name one: `/centric outcomes SHOP`.'],
    ['outcomes SHOP OPS', '"SHOP OPS" is not a project key: type `/centric outcomes SHOP`.'],
    ['outcome SHOP', '"outcome" is not a /centric command. Did you mean `/centric outcomes`? Type `/centric help` to see them all.'],
  ])('"%s" says what to type instead', (text, error) => {
    expect(parseCommand(text)).toEqual({ ok: false, error });
  });
});

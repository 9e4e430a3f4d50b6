import { describe, expect, it } from 'vitest';
import type { HomeData } from '../../src/flows/app-home.js';
import type { OutcomeQuestion } from '../../src/flows/ports.js';
import { homeView } from '../../src/slack/views/home.js';
import { limitProblems } from '../../src/slack/views/limits.js';
import { outcomeMessage, outcomeModal, outcomeReminder } from '../../src/slack/views/outcome.js';
import { CONVERSION } from '../helpers/stored-reviews.js';

const browse = (key: string) => `https://acme.atlassian.net/browse/${key}`;
const SHIPPED = Date.parse('2026-11-03T10:00:00Z');
const QUESTION: OutcomeQuestion = { reviewId: 7, key: 'SHOP-12', summary: 'Faster checkout <!channel> & more', promise: CONVERSION, shippedAt: SHIPPED, offerTooEarly: true, state: { kind: 'open' } };
const buttons = (blocks: Array<Record<string, any>>) => blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).map((el: any) => `${el.action_id}=${el.value}`);

describe('the outcome question in Slack', () => {
  it('asks with the promise, the date every reader sees in their timezone, and four buttons', () => {
    const message = outcomeMessage(QUESTION, browse);
    expect(message.text).toBe('SHOP-12 shipped promising checkout conversion from 2.1% to 2.6% within 6 weeks. Did it happen?');
    expect(message.blocks[0]!.text.text).toBe(
      ':dart: <https://acme.atlassian.net/browse/SHOP-12|SHOP-12> shipped on <!date^1793700000^{date_short}|2026-11-03> promising *checkout conversion from 2.1% to 2.6% within 6 weeks*. Did it happen?',
    );
    expect(message.blocks[1]!.elements[0].text).toBe('Faster checkout &lt;!channel&gt; &amp; more');
    expect(buttons(message.blocks)).toEqual(['outcome_hit=7', 'outcome_missed=7', 'outcome_too_early=7', 'outcome_not_measured=7']);
    expect(limitProblems(message)).toEqual([]);
    expect(buttons(outcomeMessage({ ...QUESTION, offerTooEarly: false }, browse).blocks)).toEqual(['outcome_hit=7', 'outcome_missed=7', 'outcome_not_measured=7']);
  });

  it('once answered, says so in place, with what was typed escaped and no buttons', () => {
    const answered = outcomeMessage({ ...QUESTION, state: { kind: 'answered', answer: 'missed', measured: '<2.2%>', note: 'Mobile *only* _sadly_ <@U999>', by: 'U1', at: SHIPPED } }, browse);
    expect(buttons(answered.blocks)).toEqual([]);
    expect(answered.blocks[0]!.text.text).toBe(
      ':x: <https://acme.atlassian.net/browse/SHOP-12|SHOP-12>: missed — checkout conversion &lt;2.2%&gt; (answered by <@U1> on <!date^1793700000^{date_short}|2026-11-03>). Thank you: it is on the ticket.\n_Mobile *only* ＿sadly＿ &lt;@U999&gt;_',
    );
    expect(outcomeMessage({ ...QUESTION, state: { kind: 'cancelled' } }, browse).blocks[0]!.text.text).toBe(
      ':leftwards_arrow_with_hook: <https://acme.atlassian.net/browse/SHOP-12|SHOP-12> was reopened: no answer needed. Centric asks again once it ships.',
    );
  });

  it('reminds in a few words; the modal asks for the value and a one-line note, bounded', () => {
    expect(outcomeReminder(QUESTION).blocks[0]!.text.text).toBe(':bell: Reminder: did *checkout conversion from 2.1% to 2.6% within 6 weeks* happen? The buttons are on the message above.');
    const modal = outcomeModal(QUESTION, 'hit', true);
    expect(JSON.parse(modal.private_metadata)).toEqual({ reviewId: 7, answer: 'hit', fromHome: true });
    expect(modal.blocks.filter((b: any) => b.type === 'input').map((b: any) => [b.block_id, b.optional, b.element.max_length])).toEqual([
      ['measured', true, 40],
      ['note', true, 200],
    ]);
  });

  it('App Home lists the outcomes to review with the same buttons', () => {
    const data: HomeData = { linked: true, failing: [], mine: { thisWeek: null, lastWeek: null }, team: { thisWeek: null, lastWeek: null }, mutedUntil: null, workingHours: '09:00-18:00', digestMention: false, outcomes: [QUESTION] };
    const view = homeView(data, browse, (ms) => new Date(ms).toISOString().slice(0, 10));
    expect(view.blocks.find((b: any) => b.type === 'header' && b.text.text.startsWith('Outcomes'))?.text.text).toBe('Outcomes to review (1)');
    expect(buttons(view.blocks)).toEqual(['outcome_hit=7', 'outcome_missed=7', 'outcome_too_early=7', 'outcome_not_measured=7']);
    expect(homeView({ ...data, outcomes: [] }, browse, () => '').blocks.some((b: any) => b.type === 'header' && b.text.text.startsWith('Outcomes'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { fit, limitProblems } from '../../src/slack/views/limits.js';
import { mineMessage } from '../../src/slack/views/mine.js';
import { escapeMrkdwn } from '../../src/slack/views/mrkdwn.js';
import { nudgeMessage } from '../../src/slack/views/nudge.js';
import { reportMessage } from '../../src/slack/views/report.js';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('Block Kit limits', () => {
  it('finds every broken limit (the check can fail)', () => {
    const payload = {
      text: '',
      blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }, section('s'.repeat(3001)), ...Array.from({ length: 50 }, () => section('x'.repeat(200)))],
    };
    expect(limitProblems(payload)).toEqual([
      'no plain text fallback',
      '52 blocks (at most 50)',
      'block 0: header over 150 characters',
      'block 1: section over 3000 characters',
      '13152 characters of block text (at most 12000)',
    ]);
  });

  it('cuts long texts and replaces blocks past the limits with "and N more" and a link', () => {
    const fitted = fit(
      { text: 'fallback', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(200) } }, section('s'.repeat(5000)), ...Array.from({ length: 60 }, (_, i) => section(`item ${i}`))] },
      'message',
      'https://acme.atlassian.net/issues',
    );
    expect(limitProblems(fitted)).toEqual([]);
    expect(fitted.blocks).toHaveLength(50);
    expect(fitted.blocks[0]!.text.text).toHaveLength(150);
    expect(fitted.blocks[1]!.text.text.endsWith('…')).toBe(true);
    expect(fitted.blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '…and 13 more: <https://acme.atlassian.net/issues|see all>' }] });
  });

  it('keeps a message under about 12k characters of block text', () => {
    const fitted = fit({ text: 't', blocks: Array.from({ length: 40 }, () => section('y'.repeat(1000))) });
    expect(limitProblems(fitted)).toEqual([]);
    expect((fitted.blocks.at(-1) as unknown as { elements: Array<{ text: string }> }).elements[0]!.text).toMatch(/^…and \d+ more$/);
  });

  it('lets a view have 100 blocks', () => {
    const view = fit({ blocks: Array.from({ length: 120 }, (_, i) => section(`row ${i}`)) }, 'view');
    expect(view.blocks).toHaveLength(100);
    expect(limitProblems(view, 'view')).toEqual([]);
  });

  it('escapes &, < and > in user text', () => {
    expect(escapeMrkdwn('<@U1> & <!channel> <https://evil|click>')).toBe('&lt;@U1&gt; &amp; &lt;!channel&gt; &lt;https://evil|click&gt;');
  });

  it('every builder keeps to the limits, even for a huge ticket or list', () => {
    const findings = Array.from({ length: 80 }, (_, i) => ({ rule: 'customer-metric' as const, severity: 'warn' as const, message: `m${i} ${'z'.repeat(400)}`, hint: 'h'.repeat(400) }));
    const report = reportMessage({ key: 'SHOP-1', skipped: false, score: 10, story: null, findings }, 'x'.repeat(5000), 'https://acme.atlassian.net/browse/SHOP-1');
    expect(limitProblems(report)).toEqual([]);
    const mine = mineMessage(Array.from({ length: 120 }, (_, i) => ({ key: `SHOP-${i}`, score: i, summary: 's' })), (k) => `https://j/${k}`);
    expect(limitProblems(mine)).toEqual([]);
  });

  it("links a finding to its rule's explanation only when the link cannot break the markup", () => {
    const finding = (link?: string) => ({ rule: 'customer-metric' as const, severity: 'error' as const, message: 'No metric.', hint: 'Add one.', ...(link ? { link } : {}) });
    const lines = (link?: string) => {
      const report = reportMessage({ key: 'SHOP-1', skipped: false, score: 10, story: null, findings: [finding(link)] }, 's', 'https://j/SHOP-1');
      const nudge = nudgeMessage([{ key: 'SHOP-1', summary: 's', score: 10, findings: [finding(link)], fixed: false }], (k) => `https://j/${k}`);
      return [report.blocks[2]!.text.text, nudge.blocks[1]!.text.text.split('\n')[1]];
    };
    expect(lines('https://docs.acme.io/centric#customer-metric')).toEqual([':x: *<https://docs.acme.io/centric#customer-metric|customer-metric>*: No metric.\n_Fix: Add one._', ':x: No metric. <https://docs.acme.io/centric#customer-metric|Why it matters>']);
    // A report or nudge stored before findings had links, and links that would end early or need escaping.
    for (const link of [undefined, 'https://docs.acme.io/a|b', 'https://docs.acme.io/a>b', 'https://docs.acme.io/?a=1&b=2', 'javascript:alert(1)']) {
      expect(lines(link)).toEqual([':x: *customer-metric*: No metric.\n_Fix: Add one._', ':x: No metric.']);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { cutMrkdwn, fit, itemsWithin, limitProblems } from '../../src/slack/views/limits.js';
import { mineMessage } from '../../src/slack/views/mine.js';
import { lineMessage } from '../../src/slack/views/line.js';
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

  it('cuts a section of many links at a line, never inside a link, and says how many lines were left out', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `• <https://acme.atlassian.net/browse/SHOP-${i + 1}|SHOP-${i + 1}>: ${i} → 85 &amp; more`);
    const fitted = fit({ text: 't', blocks: [section(lines.join('\n'))] });
    expect(limitProblems(fitted)).toEqual([]);
    const text: string = fitted.blocks[0]!.text.text;
    const kept = text.split('\n').slice(0, -1);
    // Every line kept whole, as many as fit with the count of the others.
    expect(kept).toEqual(lines.slice(0, kept.length));
    expect(text.split('\n').at(-1)).toBe(`…and ${100 - kept.length} more`);
    expect(kept).toHaveLength(40);
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(`${kept.join('\n')}\n${lines[kept.length]}\n…and ${99 - kept.length} more`.length).toBeGreaterThan(3000);
  });

  it('cuts one long line of mrkdwn before a link or an escape it would split', () => {
    const link = '<https://acme.atlassian.net/browse/SHOP-1|SHOP-1>';
    expect(cutMrkdwn(`${'x'.repeat(20)}${link}`, 30)).toBe(`${'x'.repeat(20)}…`);
    expect(cutMrkdwn(`${'x'.repeat(27)}&amp;x`, 30)).toBe(`${'x'.repeat(27)}…`);
    expect(cutMrkdwn(`${'x'.repeat(23)}&amp;xxxxx`, 30)).toBe(`${'x'.repeat(23)}&amp;x…`);
    expect(cutMrkdwn(`${'x'.repeat(28)}😀x`, 30)).toBe(`${'x'.repeat(28)}…`);
    expect(itemsWithin([`${'x'.repeat(20)}${link}`, 'second'], 40)).toBe(`${'x'.repeat(20)}…\n…and 1 more`);
  });

  it('escapes hostile summaries in /centric mine and nudges: no mention, no link but the ticket\'s own', () => {
    const summary = '<!channel> <https://evil|click> & <@U1>';
    const escaped = '&lt;!channel&gt; &lt;https://evil|click&gt; &amp; &lt;@U1&gt;';
    const mine = mineMessage([{ key: 'SHOP-1', score: 10, summary }], (k) => `https://j/${k}`);
    expect(mine.blocks[1]!.text.text).toBe(`<https://j/SHOP-1|SHOP-1> · 10/100\n${escaped}`);
    const nudge = nudgeMessage([{ key: 'SHOP-1', summary, score: 10, findings: [{ rule: 'customer-metric', severity: 'error', message: '<!here>', hint: '<https://evil|x>' }], fixed: false }], (k) => `https://j/${k}`);
    expect(nudge.text).toBe('1 of your tickets needs a customer: SHOP-1');
    expect(nudge.blocks[1]!.text.text).toBe(`<https://j/SHOP-1|SHOP-1> · 10/100 · ${escaped}\n:x: &lt;!here&gt;\n_Fix: &lt;https://evil|x&gt;_`);
  });
});

describe('a one-line answer', () => {
  it('keeps a long list to whole lines in its section and its fallback, saying how many were left out', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `• <#C${i}>: project = "A&B" → &amp;`);
    const message = lineMessage(`Digest subscriptions:\n${lines.join('\n')}`);
    expect(limitProblems(message)).toEqual([]);
    const section = message.blocks[0]!.text.text.split('\n');
    expect(section.slice(0, -1)).toEqual(['Digest subscriptions:', ...lines.slice(0, section.length - 2)]);
    expect(section.at(-1)).toBe(`…and ${201 - (section.length - 1)} more`);
    expect(message.text.split('\n').at(-1)).toMatch(/^…and \d+ more$/);
    expect(message.text.length).toBeLessThanOrEqual(4000);
  });
});

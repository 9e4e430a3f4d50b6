/**
 * The markdown outputs as a reader sees them: rendered by a CommonMark renderer (commonmark.js,
 * raw HTML allowed, as most renderers do), ticket text and messages must show exactly as written,
 * and only our own markup (headings, bold rule names, rule links, lists, the table) may render.
 * commonmark.js has no GFM tables, so a table row is split into cells the way GFM does (an
 * unescaped pipe ends a cell, `\|` is a pipe in it) and each cell is rendered as GFM renders it.
 */
import { HtmlRenderer, Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../src/core/digest.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { lintIssues } from '../../../src/core/lint.js';
import type { MetricPromise } from '../../../src/core/metric/promise.js';
import type { OutcomeStats } from '../../../src/core/outcome/stats.js';
import { renderDigestMarkdown } from '../../../src/core/render/digest-markdown.js';
import { escapeMarkdown } from '../../../src/core/render/escape-markdown.js';
import { renderMarkdown } from '../../../src/core/render/markdown.js';
import type { LintResult } from '../../../src/core/types.js';
import { issue } from '../../helpers/issues.js';

const render = (md: string): string => new HtmlRenderer().render(new Parser().parse(md));
/** Markdown that is one paragraph, as the HTML inside it. */
const inline = (md: string): string => render(md).replace(/^<p>/, '').replace(/<\/p>\n$/, '');
/** Text as the HTML a renderer writes for it when no markup applies (what commonmark.js escapes). */
const html = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** What a reader sees of text that was written over several lines: one line. */
const oneLine = (s: string): string => s.replace(/\s*(?:\r\n?|\n)\s*/g, ' ').trim();

/** A GFM table row's cells, each rendered: split at each pipe no backslash escapes, then `\|` read as a pipe. */
function cells(row: string): string[] {
  const parts: string[] = [];
  let cell = '';
  const body = row.trim().replace(/^\|/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) cell += c + body[++i]!;
    else if (c === '|') (parts.push(cell), (cell = ''));
    else cell += c;
  }
  if (cell.trim() !== '') parts.push(cell);
  return parts.map((p) => inline(p.trim().replace(/\\\|/g, '|')));
}

/** The rows of a markdown's tables, each as its rendered cells, the delimiter rows left out. */
const tableRows = (md: string): string[][] => md.split('\n').filter((l) => l.startsWith('|') && !/^\|[\s|:-]+$/.test(l)).map(cells);

/** Text from tickets that would turn into markup, links, HTML or new blocks if it were not escaped. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '<javascript:alert(1)>',
  '![pic](javascript:alert(1))',
  '*bold* __strong__ _it_ `code` ~~gone~~',
  '&amp; &#60; &copy; a & b &',
  'pipe | in \\| cell \\',
  '# heading',
  '1. first',
  '2) second',
  '- item',
  '+ item',
  '> quote',
  '---',
  '===',
  '    indented code',
  'line one\n\n# two\n- three\r\n> four\r===',
];

/** No element a ticket could have smuggled in, no emphasis but our "Fix:", and no link but our own. */
function expectNoInjectedMarkup(out: string, ownLinks: string[], fixes = 0): void {
  expect(out).not.toMatch(/<(script|img|b|h1|blockquote|ol|pre|code|del|hr)\b/i);
  expect(out.match(/<em>.*?<\/em>/g) ?? []).toEqual(Array(fixes).fill('<em>Fix:</em>'));
  expect([...out.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])).toEqual(ownLinks);
}

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('shows %j as written, in a paragraph, a list item, a heading and a table cell', (text) => {
    const shown = html(oneLine(text));
    const e = escapeMarkdown(text);
    expect(e).not.toMatch(/[\r\n]/);
    expect(render(`Story: ${e}\n`)).toBe(`<p>Story: ${shown}</p>\n`);
    expect(render(`${e}\n`)).toBe(`<p>${shown}</p>\n`);
    expect(render(`- ${e}: 40/100\n- next\n`)).toBe(`<ul>\n<li>${shown}: 40/100</li>\n<li>next</li>\n</ul>\n`);
    expect(render(`### ${e} — 40/100\n`)).toBe(`<h3>${shown} — 40/100</h3>\n`);
    expect(cells(`| ${e} | 40 |`)).toEqual([shown, '40']);
  });

  it('leaves plain text as it is', () => {
    expect(escapeMarkdown('SHOP-12')).toBe('SHOP-12');
    expect(escapeMarkdown('checkout conversion from 2.1% to 2.6% within 6 weeks (Q3), A & B')).toBe('checkout conversion from 2.1% to 2.6% within 6 weeks (Q3), A & B');
  });
});

const evilKey = 'SHOP-1 | <b>x</b>';
const story = { kind: 'user' as const, role: '<script>alert(1)</script> *boss*', goal: '[pay](javascript:alert(1)) with `cash` &amp; coins\n- injected item\n# heading', benefit: '<img src=x onerror=alert(1)> _fast_ | done', language: 'en' };
const metric = { name: '<b>conversion</b> [x](javascript:alert(1))' } as MetricPromise;
const hand: LintResult = {
  reports: [
    {
      key: evilKey,
      skipped: false,
      score: 40,
      story,
      metric,
      journey: { stage: 'Buy', kpis: ['checkout conversion'], metricInStage: false },
      epic: { persona: '<b>night nurse</b> _x_', metric: null, missing: [], prfaq: '[PR/FAQ](javascript:alert(1))' },
      findings: [
        {
          rule: 'story-format',
          severity: 'error',
          message: 'Replace the role placeholder "<script>alert(1)</script> *boss*" with who exactly needs this.',
          hint: 'Write "As a <who exactly>, I want <what>, so that <benefit>".\n1. then this',
          link: 'https://wiki.example/rules (v2)#story-format',
        },
        { rule: 'customer-metric', severity: 'warn', message: 'Names `a metric` &amp; no target.', hint: '# Say by how much | by when.' },
      ],
    },
    { key: 'SHOP-2 <img src=x onerror=alert(1)>', skipped: true },
  ],
  summary: { tickets: 2, linted: 1, skipped: 1, passing: 0, averageScore: 40 },
};

describe('lint and audit markdown, rendered', () => {
  const md = renderMarkdown(hand);
  const out = render(md);

  it('shows ticket text, messages and placeholders as written, in one finding per list item', () => {
    expect(out).toContain(`<h3>${html(evilKey)} — 40/100</h3>`);
    expect(out).toContain(`<p>Story: ${html(oneLine(`${story.role}: ${story.goal} → ${story.benefit}`))}</p>`);
    expect(out).toContain(`<p>Journey stage: Buy (KPIs: checkout conversion). The metric &quot;${html(metric.name)}&quot; is not one of them: does this story move one of them?</p>`);
    expect(out).toContain(`<p>Epic: customer &quot;${html('<b>night nurse</b> _x_')}&quot;, PR/FAQ ${html('[PR/FAQ](javascript:alert(1))')}</p>`);
    expect(out).toContain(
      '<ul>\n<li>❌ <strong><a href="https://wiki.example/rules%20%28v2%29#story-format">story-format</a></strong> (error): ' +
        `Replace the role placeholder &quot;${html('<script>alert(1)</script> *boss*')}&quot; with who exactly needs this.<br />\n` +
        `<em>Fix:</em> Write &quot;As a &lt;who exactly&gt;, I want &lt;what&gt;, so that &lt;benefit&gt;&quot;. 1. then this</li>\n` +
        `<li>⚠️ <strong>customer-metric</strong> (warn): Names \`a metric\` &amp;amp; no target.<br />\n<em>Fix:</em> # Say by how much | by when.</li>\n</ul>`,
    );
    expect(out.match(/<li>/g)).toHaveLength(2);
    expect(out.match(/<h\d>/g)).toEqual(['<h2>', '<h3>']);
    expectNoInjectedMarkup(out, ['https://wiki.example/rules%20%28v2%29#story-format'], 2);
  });

  it('keeps the table to its header and one row per ticket, four cells each, a key with a pipe in one cell', () => {
    expect(tableRows(md)).toEqual([
      ['Ticket', 'Score', 'Result', 'Findings'],
      [html(evilKey), '40', '❌ fails', '2'],
      [html('SHOP-2 <img src=x onerror=alert(1)>'), '–', 'skipped', '0'],
    ]);
  });

  it('shows the placeholders of real findings ("<who exactly>") instead of dropping them as HTML tags', () => {
    const linted = lintIssues([issue('Make the checkout faster for <b>everyone</b> & more.', {}, 'SHOP-7')], DEFAULT_CONFIG);
    const real = render(renderMarkdown(linted));
    expect(real).toContain('&quot;As a &lt;who exactly&gt;, I want &lt;what&gt;, so that &lt;why it matters to them&gt;&quot;');
    expect(real).not.toMatch(/<who|<what>|<b>/);
  });
});

describe('digest markdown, rendered', () => {
  const base = buildDigest({ end: Date.parse('2026-11-23T08:00:00Z'), periodMs: 7 * 86_400_000, history: [], facts: [], isGenericRole: () => false, readyStatuses: [] });
  const outcomes: OutcomeStats = {
    period: { hit: 1, missed: 0, notMeasured: 0, hitRate: 1 },
    trend: [],
    overall: { hit: 1, missed: 0, notMeasured: 0, hitRate: 1 },
    overdue: ['SHOP-3 <img src=x onerror=alert(1)>'],
    pending: 0,
    personas: [{ role: '[nurse](javascript:alert(1)) &amp;', hit: 1, missed: 0, notMeasured: 0, hitRate: 1 }],
  };
  const d = {
    ...base,
    personas: HOSTILE.map((role) => ({ role, count: 1 })),
    needsAttention: HOSTILE.map((key) => ({ key, score: 40, owner: null })),
    bangForBuck: [{ key: 'SHOP-4 | *x*', benefit: 8, cost: 2, ratio: 4 }],
    mostImproved: [{ key: '# SHOP-5', from: 20, to: 80 }],
    epics: [{ key: '1. SHOP-6', stories: 2, averageScore: 70, persona: '<script>alert(1)</script>', forPersona: 1 }],
    journey: { stages: [{ stage: '- Buy_*now*', period: 1, trend: [1], total: 1, score: 80, trendScore: 80, quiet: false }], quietPeriods: 4, unassigned: 0 },
    outcomes,
  };
  const out = render(renderDigestMarkdown(d, '"summary ~ \\"<b>x</b>\\" AND labels = a_b_c"'));

  it('shows every key, persona, stage and the title as written', () => {
    expect(out).toContain(`<h2>Customer-centricity digest: ${html('"summary ~ \\"<b>x</b>\\" AND labels = a_b_c"')}</h2>`);
    expect(out).toContain(`<p><strong>Who we built for:</strong> ${html(HOSTILE.map((r) => `${oneLine(r)} (1)`).join(', '))}; – with a generic role</p>`);
    expect(out).toContain(`<p><strong>Needs attention</strong></p>\n<ul>\n${HOSTILE.map((k) => `<li>${html(oneLine(k))}: 40/100</li>\n`).join('')}</ul>`);
    expect(out).toContain(`<ul>\n<li>${html('SHOP-4 | *x*')}: benefit 8 / cost 2</li>\n</ul>`);
    expect(out).toContain(`<ul>\n<li>${html('# SHOP-5')}: 20 → 80</li>\n</ul>`);
    expect(out).toContain(`<ul>\n<li>${html('1. SHOP-6: 2 stories, average 70, 1 of 2 for "<script>alert(1)</script>"')}</li>\n</ul>`);
    expect(out).toContain(`<ul>\n<li>${html('- Buy_*now*')}: 1 this period, 1 over 1 period, score 80</li>\n</ul>`);
    expect(out).toContain(`1 overdue: ${html('SHOP-3 <img src=x onerror=alert(1)>')}; who did we help: ${html('[nurse](javascript:alert(1)) &amp;')} 1/1</p>`);
    expectNoInjectedMarkup(out, []);
  });

  it('keeps its own markup: the headings, the bold labels and the questions table', () => {
    expect(out.match(/<h\d>/g)).toEqual(['<h2>']);
    expect(out.match(/<strong>[^<]*<\/strong>/g)).toEqual(
      ['Who we built for:', 'Biggest bang for the buck', 'Most improved', 'Needs attention', 'Outcomes:', 'Journey coverage', 'Epics'].map((s) => `<strong>${s}</strong>`),
    );
    const rows = tableRows(renderDigestMarkdown(d, 'SHOP'));
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.length === 3)).toBe(true);
  });
});

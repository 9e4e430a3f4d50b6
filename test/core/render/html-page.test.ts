import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtml, rulePassRates, SORT_SCRIPT, SORT_SCRIPT_HASH } from '../../../src/core/render/html.js';
import type { LintResult, Report } from '../../../src/core/types.js';

const failing: Report = {
  key: 'SHOP-7',
  skipped: false,
  score: 40,
  story: { kind: 'user', role: '<img src=x onerror=alert(1)>', goal: 'pay', benefit: null, language: 'en' },
  findings: [{ rule: 'customer-value', severity: 'error', message: 'No benefit: "<who exactly>" gains what?', hint: 'Add "so that <benefit>".' }],
};
const passing: Report = { key: 'SHOP-8', skipped: false, score: 100, story: { kind: 'user', role: 'night nurse', goal: 'see beds', benefit: 'plan', language: 'en' }, findings: [] };
const skipped: Report = { key: 'SHOP-9', skipped: true };
const result: LintResult = { reports: [failing, passing, skipped], summary: { tickets: 3, linted: 2, skipped: 1, passing: 1, failing: 1, averageScore: 70 } as never };
const page = { site: 'https://acme.atlassian.net/', scope: { project: 'SHOP' }, writtenAt: Date.UTC(2026, 10, 30, 8, 5), timeZone: 'Europe/Berlin', summaries: new Map([['SHOP-7', 'Pay <b>now</b> & "later"']]) };

describe('the HTML report page', () => {
  it('allows exactly its own script: the CSP hash is the script’s', () => {
    expect(SORT_SCRIPT_HASH).toBe(`sha256-${createHash('sha256').update(SORT_SCRIPT).digest('base64')}`);
    const html = renderHtml(result, 'Audit', page);
    expect(html).toContain(`script-src '${SORT_SCRIPT_HASH}'`);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('says which site, which scope and when, in the reader’s timezone', () => {
    // ICU versions differ in the space before AM (U+202F or a plain space).
    expect(renderHtml(result, 'Audit', page).replace(/[\u202f\u00a0]/g, ' ')).toContain(
      '<dl class="about"><dt>Jira site</dt><dd><a href="https://acme.atlassian.net">https://acme.atlassian.net</a></dd><dt>Tickets</dt><dd>the open stories of SHOP</dd><dt>Written</dt><dd><time datetime="2026-11-30T08:05:00.000Z">November 30, 2026 at 09:05 AM GMT+1</time></dd></dl>',
    );
  });

  it('links each ticket to its Jira page and escapes everything from Jira', () => {
    const html = renderHtml(result, 'Audit', page);
    expect(html).toContain('<td data-label="Ticket"><a href="https://acme.atlassian.net/browse/SHOP-7" title="Open SHOP-7 in Jira">SHOP-7</a></td><td data-label="Summary">Pay &lt;b&gt;now&lt;/b&gt; &amp; &quot;later&quot;</td><td data-label="Persona">&lt;img src=x onerror=alert(1)&gt;</td><td data-label="Score" class="score">40</td><td data-label="Result" class="verdict">fails</td>');
    expect(html).toContain('No benefit: &quot;&lt;who exactly&gt;&quot; gains what?<br><span class="hint">Fix: Add &quot;so that &lt;benefit&gt;&quot;.</span>');
    expect(html).toContain('<tr class="passes" data-score="100">');
    expect(html).toContain('<tr class="skipped" data-score=""><td data-label="Ticket"><a href="https://acme.atlassian.net/browse/SHOP-9" title="Open SHOP-9 in Jira">SHOP-9</a></td><td data-label="Summary"></td><td data-label="Persona"></td><td data-label="Score" class="score">–</td><td data-label="Result" class="verdict">skipped</td><td data-label="Findings">issue type not linted</td></tr>');
    expect(html).not.toMatch(/<img[ >]|<b>now/);
  });

  it('speaks the language asked for', () => {
    const html = renderHtml(result, 'Audit', { ...page, locale: 'de' });
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<dt>Jira-Instanz</dt>');
    expect(html).toContain('<dd>die offenen Storys von SHOP</dd>');
    expect(html).toContain('<time datetime="2026-11-30T08:05:00.000Z">30. November 2026 um 09:05 MEZ</time>');
    expect(html).toContain('<button type="button" data-sort="score" title="Nach Punkten sortieren">Punkte</button>');
    expect(html).toContain('<b>customer-value</b> (Fehler): ');
    // The verdict and the column in the words of the Jira comment and the other reports.
    expect(html).toContain('<td data-label="Ergebnis" class="verdict">nicht bestanden</td><td data-label="Befunde">');
    expect(html).toContain('<th scope="col">Befunde</th>');
  });

  it('never shows a user name or password given in JIRA_BASE_URL', () => {
    const html = renderHtml(result, 'Audit', { ...page, site: 'https://centric:s3cret@acme.atlassian.net/jira/' });
    expect(html).not.toContain('s3cret');
    expect(html).not.toContain('centric@');
    expect(html).toContain('<a href="https://acme.atlassian.net/jira/browse/SHOP-7"');
  });

  it('without a site, shows keys unlinked; without tickets, says the search found none', () => {
    expect(renderHtml(result, 'Audit')).toContain('<td data-label="Ticket">SHOP-7</td>');
    const empty = renderHtml({ reports: [], summary: { tickets: 0, linted: 0, skipped: 0, passing: 0, failing: 0, averageScore: null } as never }, 'Audit');
    expect(empty).toContain('<p>The search found no tickets.</p>');
    expect(empty).not.toContain('<table');
  });

  it('counts each rule’s pass rate over the linted tickets', () => {
    const rates = rulePassRates(result);
    expect(rates.find((r) => r.rule === 'customer-value')).toEqual({ rule: 'customer-value', share: 0.5 });
    expect(rates.find((r) => r.rule === 'story-format')).toEqual({ rule: 'story-format', share: 1 });
  });
});

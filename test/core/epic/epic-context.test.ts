import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { lintIssues, lintTicket } from '../../../src/core/lint.js';
import { normalise, type JiraIssue } from '../../../src/core/ticket/normalise.js';

const parent = (key: string, type = 'Epic') => ({ key, fields: { issuetype: { name: type } } });
const ticket = (key: string, type: string, description: string, fields: Partial<JiraIssue['fields']> = {}): JiraIssue => ({
  key,
  fields: { summary: 'Reorder', description, issuetype: { name: type }, attachment: [], labels: [], ...fields },
});

const EPIC = ticket(
  'SHOP-1',
  'Epic',
  'Customer: night nurse\nProblem: re-ordering takes 40 minutes\nBenefit: they get home on time\nSuccess: checkout conversion from 2.1% to 2.6% within 6 weeks\nExperience: https://www.figma.com/file/abc',
);
/** A generic role and no metric: both hints get the epic's context. */
const VAGUE = 'As a user, I want to repeat last week\'s order, so that I get home on time.';
const PERSONA_NOTE = ' The epic SHOP-1\'s persona is "night nurse": is this story for them?';
const METRIC_NOTE = ' The epic SHOP-1 is measured by "checkout conversion": does this story move it?';

const hints = (report: { findings?: Array<{ rule: string; severity: string; hint: string }> }) =>
  Object.fromEntries((report.findings ?? []).filter((f) => f.rule === 'specific-persona' || f.rule === 'customer-metric').map((f) => [f.rule, f]));

describe('a story gets its epic as context in hints, never as a pass', () => {
  it('adds the epic\'s persona to the generic-role hint and its metric to the missing-metric hint', () => {
    const epic = { key: 'SHOP-1', persona: 'night nurse', metric: 'checkout conversion' };
    const story = normalise(ticket('SHOP-2', 'Story', VAGUE, { parent: parent('SHOP-1') }));
    const without = hints(lintTicket(story, DEFAULT_CONFIG));
    const withEpic = hints(lintTicket(story, DEFAULT_CONFIG, { epic }));
    expect(withEpic['specific-persona']).toEqual({ ...without['specific-persona'], hint: `${without['specific-persona']!.hint}${PERSONA_NOTE}` });
    expect(withEpic['customer-metric']).toEqual({ ...without['customer-metric'], hint: `${without['customer-metric']!.hint}${METRIC_NOTE}` });
    // Never a pass: the same findings, severities and score.
    const a = lintTicket(story, DEFAULT_CONFIG);
    const b = lintTicket(story, DEFAULT_CONFIG, { epic });
    expect(b.score).toBe(a.score);
    expect(b.findings?.map((f) => [f.rule, f.severity])).toEqual(a.findings?.map((f) => [f.rule, f.severity]));
    // An epic that names neither adds nothing.
    expect(hints(lintTicket(story, DEFAULT_CONFIG, { epic: { key: 'SHOP-1', persona: null, metric: null } }))).toEqual(without);
  });

  it('lints the epics of a set first and hands them to their stories, keeping the order of the set', () => {
    const stories = [
      ticket('SHOP-2', 'Story', VAGUE, { parent: parent('SHOP-1') }),
      ticket('SHOP-3', 'Story', VAGUE, { parent: parent('SHOP-9') }),
      ticket('SHOP-4', 'Story', VAGUE),
    ];
    const { reports, summary } = lintIssues([...stories, EPIC], DEFAULT_CONFIG);
    expect(reports.map((r) => r.key)).toEqual(['SHOP-2', 'SHOP-3', 'SHOP-4', 'SHOP-1']);
    expect(reports[3]!.epic).toEqual({ persona: 'night nurse', metric: 'checkout conversion', missing: [], prfaq: null });
    const [inEpic, otherEpic, noEpic] = reports.map(hints);
    expect(inEpic!['specific-persona']!.hint.endsWith(PERSONA_NOTE)).toBe(true);
    expect(inEpic!['customer-metric']!.hint.endsWith(METRIC_NOTE)).toBe(true);
    // An epic not in the set, or no epic: the hints as before.
    expect(otherEpic).toEqual(noEpic);
    expect(noEpic!['specific-persona']!.hint).not.toContain('The epic');
    expect(summary).toEqual({ tickets: 4, linted: 4, skipped: 0, passing: 1, averageScore: expect.any(Number) });
  });

  it('does not quote an epic persona at any length', () => {
    const long = 'x'.repeat(500);
    const story = normalise(ticket('SHOP-2', 'Story', VAGUE));
    const hint = hints(lintTicket(story, DEFAULT_CONFIG, { epic: { key: 'SHOP-1', persona: long, metric: null } }))['specific-persona']!.hint;
    expect(hint).toContain(` The epic SHOP-1's persona is "${'x'.repeat(80)}": is this story for them?`);
  });
});

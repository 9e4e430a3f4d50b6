import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { lintIssues } from '../../src/core/lint.js';
import { renderHtml } from '../../src/core/render/html.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { GOOD_AC, GOOD_DESIGN, GOOD_EVIDENCE, GOOD_STORY, good, issue } from '../helpers/issues.js';

const config = { ...DEFAULT_CONFIG, jira: { ...DEFAULT_CONFIG.jira, rulesDocUrl: 'https://wiki.example/centric?page=rules&v=(2)' } };
const result = lintIssues([issue(good(GOOD_STORY, GOOD_AC, 'Retention matters.', GOOD_DESIGN, GOOD_EVIDENCE))], config);

describe('rule links in the reports', () => {
  it('each finding links to its rule\'s section under jira.rulesDocUrl', () => {
    expect(result.reports[0]!.findings).toEqual([
      expect.objectContaining({ rule: 'customer-metric', link: 'https://wiki.example/centric?page=rules&v=(2)#customer-metric' }),
    ]);
  });

  it('markdown links the rule id, its URL kept whole', () => {
    expect(renderMarkdown(result)).toContain('- ⚠️ **[customer-metric](https://wiki.example/centric?page=rules&v=%282%29#customer-metric)** (warn): ');
  });

  it('HTML links the rule id, escaped', () => {
    expect(renderHtml(result, 'Audit')).toContain('<b><a href="https://wiki.example/centric?page=rules&amp;v=(2)#customer-metric">customer-metric</a></b> (warn)');
  });

  it('a report stored before links existed renders as before', () => {
    const { link: _, ...old } = result.reports[0]!.findings![0]!;
    const stored = { ...result, reports: [{ ...result.reports[0]!, findings: [old] }] };
    expect(renderMarkdown(stored)).toContain('- ⚠️ **customer-metric** (warn): ');
    expect(renderHtml(stored, 'Audit')).toContain('<b>customer-metric</b> (warn)');
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { lintIssues } from '../../src/core/lint.js';
import { renderJson } from '../../src/core/render/json.js';

const issue = (key: string, description: string) => ({ key, fields: { summary: `Ticket ${key}\nsecond line`, description, issuetype: { name: key.endsWith('3') ? 'Bug' : 'Story' } } });

describe('renderJson, written a report at a time', () => {
  it.each([0, 1, 3])('lays out %i reports exactly as JSON.stringify(result, null, 2)', (count) => {
    const issues = [issue('SHOP-1', 'As a night nurse, I want to see my ward, so that I can plan my rounds.\n\n"quoted" \\ text'), issue('SHOP-2', 'As a user, I want "x".'), issue('SHOP-3', '')].slice(0, count);
    const result = lintIssues(issues, DEFAULT_CONFIG);
    expect(result.reports).toHaveLength(count);
    expect(renderJson(result)).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });
});

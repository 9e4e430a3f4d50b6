import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import { stringify } from 'yaml';
import { toConfigFile } from '../../src/core/config-schema.js';
import type { CentricConfig } from '../../src/core/config-types.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { configForProject, lintIssue } from '../../src/core/lint.js';
import { issue } from '../helpers/issues.js';
import { configError } from '../helpers/config-error.js';

const error = configError;

describe('centric.yml', () => {
  it('lays the file over the defaults', () => {
    const config = parseConfig(
      [
        'issueTypes: [Story, Task]',
        'rules:',
        '  visual-evidence: off',
        'scoreWeights:',
        '  single-goal: 0',
        'personas:',
        '  - name: Weekly shopper',
        '    description: reorders the same basket',
        'acceptanceCriteriaField: customfield_10035',
        'vocabulary:',
        '  en:',
        '    genericRoles: [user, shopper]',
        'projects:',
        '  OPS:',
        '    rules: { customer-metric: warn }',
      ].join('\n'),
      'centric.yml',
    );
    expect(config.issueTypes).toEqual(['Story', 'Task']);
    expect(config.rules).toEqual({ ...DEFAULT_CONFIG.rules, 'visual-evidence': { severity: 'off' } });
    expect(config.scoreWeights['single-goal']).toBe(0);
    expect(config.personas).toEqual([{ name: 'Weekly shopper', description: 'reorders the same basket', aliases: [] }]);
    expect(config.vocabulary.en?.genericRoles).toEqual(['user', 'shopper']);
    expect(config.vocabulary.en?.goalMarkers).toEqual(DEFAULT_CONFIG.vocabulary.en?.goalMarkers);
    expect(config.vocabulary.de).toEqual(DEFAULT_CONFIG.vocabulary.de);
    expect(config.projects.OPS?.rules).toEqual({ 'customer-metric': 'warn' });
  });

  it('reads the digest fields, keeping the defaults it does not name', () => {
    const config = parseConfig('digest:\n  benefitField: customfield_10050\n  costField: null', 'centric.yml');
    expect(config.digest).toEqual({ benefitField: 'customfield_10050', costField: null, maxIssues: 5000, customerShareTarget: 0.6, readyStatuses: ['Ready for Development', 'Selected for Development'] });
  });

  it('takes a rule as "severity" or as { severity, options }, also per project', () => {
    const config = parseConfig(
      [
        'rules:',
        '  customer-metric: { requireTarget: false }',
        '  specific-persona: { severity: error, allowedRoles: [Admin] }',
        'projects:',
        '  OPS:',
        '    rules:',
        '      customer-metric: { severity: warn, requireTarget: true }',
      ].join('\n'),
      'centric.yml',
    );
    expect(config.rules['customer-metric']).toEqual({ severity: 'error', requireTarget: false });
    expect(config.rules['specific-persona']).toEqual({ severity: 'error', allowedRoles: ['Admin'] });
    const story = 'As an admin, I want to see churn so that I can act.';
    expect(lintIssue(issue(story, {}, 'SHOP-1'), config).findings?.map((f) => f.rule)).toEqual(['customer-benefit', 'visual-evidence', 'customer-evidence', 'acceptance-criteria']);
    expect(lintIssue(issue(story, {}, 'OPS-1'), config).findings?.find((f) => f.rule === 'customer-metric')).toMatchObject({
      severity: 'warn',
      message: 'Names a customer metric (churn) but no target.',
    });
    expect(lintIssue(issue('As a user, I want X so that Y.', {}, 'SHOP-2'), config).findings?.find((f) => f.rule === 'specific-persona')?.severity).toBe('error');
  });

  it('rejects an option a rule does not take', () => {
    expect(error('rules:\n  single-goal: { severity: warn, maxGoals: 2 }')).toMatch(/^centric\.yml: rules\.single-goal: /);
    expect(error('rules:\n  customer-metric: { requireTarget: sometimes }')).toBe(
      'centric.yml: rules.customer-metric.requireTarget: Invalid input: expected boolean, received string',
    );
    expect(error('rules:\n  customer-metric: sometimes')).toBe('centric.yml: rules.customer-metric: Invalid option: expected one of "off"|"warn"|"error"');
    expect(error('rules:\n  specific-persona: { allowed: [x] }')).toBe('centric.yml: rules.specific-persona: Unrecognized key: "allowed"');
  });

  it('a project override from a file lints with the default vocabulary', () => {
    const config = parseConfig('projects:\n  OPS:\n    issueTypes: [Task]\n', 'centric.yml');
    expect(lintIssue(issue('As a night nurse, I want to see my ward so that I plan.', { issuetype: { name: 'Task' } }, 'OPS-3'), config).story?.role).toBe('night nurse');
  });

  it('an empty file is the defaults', () => {
    expect(parseConfig('', 'centric.yml')).toEqual(DEFAULT_CONFIG);
  });

  it('keeps the defaults an object given in part leaves out, at any depth', () => {
    const config = parseConfig('nudges:\n  workingHours: { start: "08:00", end: "17:00" }\njira:\n  poll: { projects: [SHOP] }', 'centric.yml');
    expect(config.nudges).toEqual({ ...DEFAULT_CONFIG.nudges, workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' } });
    expect(config.jira).toEqual({ ...DEFAULT_CONFIG.jira, poll: { intervalMinutes: 0, projects: ['SHOP'] } });
  });

  it('starts a language that is not built in from empty lists, and a project\'s vocabulary from the built-in one', () => {
    const config = parseConfig('vocabulary:\n  sv:\n    roleMarkers: [som]\nprojects:\n  OPS:\n    vocabulary: { en: { genericRoles: [nurse] } }', 'centric.yml');
    expect(Object.keys(config.vocabulary)).toEqual([...Object.keys(DEFAULT_CONFIG.vocabulary), 'sv']);
    expect(config.vocabulary.sv).toMatchObject({ roleMarkers: ['som'], goalMarkers: [], givenWhenThen: ['given', 'when', 'then'] });
    expect(config.projects.OPS?.vocabulary?.en).toEqual({ ...DEFAULT_CONFIG.vocabulary.en, genericRoles: ['nurse'] });
  });

  it('rejects a bad rule option with its path, also per project', () => {
    expect(error('rules:\n  specific-persona: { allowedRoles: [""] }')).toBe(
      'centric.yml: rules.specific-persona.allowedRoles.0: Too small: expected string to have >=1 characters',
    );
    expect(error('projects:\n  OPS:\n    rules: { customer-metric: { requireTarget: 1 } }')).toBe(
      'centric.yml: projects.OPS.rules.customer-metric.requireTarget: Invalid input: expected boolean, received number',
    );
    expect(error('projects:\n  OPS:\n    rules: { visual-evidence: { severity: warn, domains: [] } }')).toBe(
      'centric.yml: projects.OPS.rules.visual-evidence: Unrecognized key: "domains"',
    );
  });

  it('rejects markers that are valid one by one but not joined into the lint\'s patterns, also a project\'s', () => {
    expect(error('vocabulary:\n  it:\n    goalMarkers: ["(?<g>voglio)", "(?<g>vorrei)"]')).toMatch(/^centric\.yml: vocabulary\.it: its markers together are no valid pattern: Invalid regular expression: .*Duplicate capture group name$/);
    expect(error('projects:\n  OPS:\n    vocabulary: { de: { situationMarkers: ["(?<s>wenn)", "(?<s>falls)"] } }')).toMatch(/^centric\.yml: projects\.OPS\.vocabulary\.de: its markers together are no valid pattern: .*Duplicate capture group name$/);
  });

  it('a project override changes only what it names of a rule', () => {
    const config = parseConfig('rules:\n  customer-metric: { requireTarget: false }\nprojects:\n  OPS:\n    rules: { customer-metric: warn }', 'centric.yml');
    expect(configForProject(config, 'OPS').rules['customer-metric']).toEqual({ severity: 'warn', requireTarget: false });
    expect(configForProject(config, 'SHOP').rules['customer-metric']).toEqual({ severity: 'error', requireTarget: false });
  });

  it('takes every centric.yml example in the README', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const examples = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const example of examples) expect(() => parseConfig(example, 'README.md')).not.toThrow();
  });

  it('reads back what it prints (centric config --print) as the same configuration', () => {
    const roundTrip = (config: CentricConfig) => parseConfig(stringify(toConfigFile(config)), 'printed.yml');
    expect(roundTrip(DEFAULT_CONFIG)).toEqual(DEFAULT_CONFIG);
    const config = parseConfig(
      [
        'rules: { visual-evidence: off, specific-persona: { allowedRoles: [admin] } }',
        'personas: [{ name: Weekly shopper }]',
        'vocabulary: { sv: { roleMarkers: [som] } }',
        'jira: { label: null }',
        'projects:',
        '  OPS: { issueTypes: [Task], rules: { customer-metric: { requireTarget: false } }, scoreWeights: { single-goal: 0 } }',
      ].join('\n'),
      'centric.yml',
    );
    expect(roundTrip(config)).toEqual(config);
  });

  it('names the file, the path inside it and what was expected', () => {
    expect(error('rules:\n  visual-evidence: of')).toBe(
      'centric.yml: rules.visual-evidence: Invalid option: expected one of "off"|"warn"|"error"',
    );
    expect(error('rules:\n  visual-evidense: off')).toBe('centric.yml: rules: Unrecognized key: "visual-evidense"');
    expect(error('issueTypes: []')).toBe('centric.yml: issueTypes: list at least one issue type, e.g. [Story]');
    expect(error('acceptanceCriteriaField: acceptance')).toBe(
      'centric.yml: acceptanceCriteriaField: expected a field id such as customfield_10035',
    );
    expect(error('digest:\n  costField: story points')).toBe('centric.yml: digest.costField: expected a field id such as customfield_10035');
    expect(error('projects:\n  shop:\n    rules: {}')).toMatch(/^centric\.yml: projects\.shop: expected a Jira project key such as SHOP/);
    expect(error('vocabulary:\n  en:\n    goalMarkers: ["i (want"]')).toBe(
      'centric.yml: vocabulary.en.goalMarkers.0: expected a valid regular expression',
    );
  });

  it('reports every problem, one per line', () => {
    expect(error('issueTypes: Story\nscoreWeights: { story-format: -1 }').split('\n')).toHaveLength(2);
  });

  it('names the line of a YAML syntax error', () => {
    expect(error('rules:\n  a: [b\n')).toMatch(/^centric\.yml:\d+: not valid YAML: /);
  });

  it('says when the given file does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'centric-'));
    expect(() => loadConfig(join(dir, 'missing.yml'))).toThrow(`${join(dir, 'missing.yml')}: file not found`);
    writeFileSync(join(dir, 'ok.yml'), 'issueTypes: [Task]\n');
    expect(loadConfig(join(dir, 'ok.yml')).issueTypes).toEqual(['Task']);
  });
});

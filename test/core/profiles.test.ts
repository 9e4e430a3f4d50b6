import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { configSchema } from '../../src/core/config-schema.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { isLinted, lintIssue } from '../../src/core/lint.js';
import { epicIssueTypes } from '../../src/core/profiles.js';
import { RULE_IDS } from '../../src/core/rules/index.js';
import { normalise } from '../../src/core/ticket/normalise.js';
import { configError } from '../helpers/config-error.js';
import { GOOD_AC, GOOD_DESIGN, GOOD_EVIDENCE, GOOD_METRIC, GOOD_STORY, good, issue } from '../helpers/issues.js';

const STORY_RULES_OFF = Object.fromEntries(RULE_IDS.filter((id) => id !== 'working-backwards').map((id) => [id, 'off']));
const ofType = (type: string, description: unknown = 'Make checkout faster.', key = 'SHOP-1') => issue(description, { issuetype: { name: type } }, key);

describe('profiles: issue types linted by rules of their own', () => {
  it('has a built-in epic profile: issue type Epic, the story rules off, working-backwards on as error', () => {
    expect(DEFAULT_CONFIG.profiles).toEqual({ epic: { issueTypes: ['Epic'], rules: { ...STORY_RULES_OFF, 'working-backwards': 'error' }, scoreWeights: {} } });
    expect(DEFAULT_CONFIG.rules['working-backwards']).toEqual({ severity: 'off' });
    expect(epicIssueTypes(DEFAULT_CONFIG)).toEqual(['Epic']);
  });

  it('lints a story without working-backwards, and an epic with it alone', () => {
    const story = lintIssue(ofType('Story', good(GOOD_STORY, GOOD_METRIC, GOOD_DESIGN, GOOD_EVIDENCE, GOOD_AC)), DEFAULT_CONFIG);
    expect(story).toMatchObject({ skipped: false, score: 100, findings: [] });
    expect(story.epic).toBeUndefined();
    const epic = lintIssue(ofType('Epic'), DEFAULT_CONFIG);
    expect(epic.findings?.map((f) => f.rule)).toEqual(['working-backwards']);
    expect(epic.score).toBe(0);
  });

  it('says which types are linted: the base issueTypes and every profile\'s', () => {
    const config = configSchema.parse({ profiles: { bug: { issueTypes: ['Bug'] } } });
    const linted = (type: string, c = config) => isLinted(normalise(ofType(type)), c);
    expect([linted('Story'), linted('epic'), linted('Bug'), linted('Task')]).toEqual([true, true, true, false]);
    expect(linted('Bug', DEFAULT_CONFIG)).toBe(false);
    expect(lintIssue(ofType('Task'), config)).toEqual({ key: 'SHOP-1', skipped: true });
  });

  it('lints a custom profile with the base rules laid over by its own, scored over the rules on in it', () => {
    const config = parseConfig(
      'profiles:\n  bug:\n    issueTypes: [Bug]\n    rules: { story-format: off, customer-value: off, customer-benefit: off, single-goal: off, customer-evidence: off, acceptance-criteria: off, specific-persona: off }\n    scoreWeights: { visual-evidence: 60 }\n',
      'centric.yml',
    );
    const bug = lintIssue(ofType('Bug', 'The basket empties when I switch phones. Checkout conversion from 2.1% to 2.6% within 6 weeks.'), config);
    // customer-metric (20) passes, visual-evidence (60) fails: 20 of 80.
    expect(bug.findings?.map((f) => [f.rule, f.severity])).toEqual([['visual-evidence', 'warn']]);
    expect(bug.score).toBe(25);
    expect(bug.epic).toBeUndefined();
    expect(epicIssueTypes(config)).toEqual(['Epic']);
  });

  it('keeps the built-in profile\'s rules when its rules are given in part, and turns it off with no issue types', () => {
    const more = configSchema.parse({ profiles: { epic: { issueTypes: ['Epic', 'Initiative'], rules: { 'customer-evidence': 'warn' } } } });
    expect(more.profiles.epic!.rules).toEqual({ ...STORY_RULES_OFF, 'customer-evidence': 'warn', 'working-backwards': 'error' });
    const initiative = lintIssue(ofType('Initiative'), more);
    expect(initiative.findings?.map((f) => f.rule)).toEqual(['customer-evidence', 'working-backwards']);
    const off = configSchema.parse({ profiles: { epic: { issueTypes: [] } } });
    expect(lintIssue(ofType('Epic'), off)).toEqual({ key: 'SHOP-1', skipped: true });
    expect(epicIssueTypes(off)).toEqual([]);
  });

  it('applies a project\'s settings to its epics, under the profile\'s rules', () => {
    const config = configSchema.parse({
      projects: { WARD: { personas: [{ name: 'Night-shift nurse' }], rules: { 'working-backwards': 'warn' } } },
    });
    const description = 'Every night-shift nurse loses 40 minutes re-ordering.';
    expect(lintIssue(ofType('Epic', description, 'WARD-1'), config).epic?.persona).toBe('night-shift nurse');
    expect(lintIssue(ofType('Epic', description, 'SHOP-1'), config).epic?.persona).toBeNull();
    // The epic profile sets working-backwards itself: a project's base rules do not change it for epics.
    expect(lintIssue(ofType('Epic', description, 'WARD-1'), config).findings?.[0]?.severity).toBe('error');
  });

  it('refuses an issue type linted two ways, and a profile without issue types', () => {
    expect(configError('profiles:\n  bug: { issueTypes: [Bug] }\n  defect: { issueTypes: [bug] }\n')).toBe(
      'centric.yml: profiles.defect.issueTypes.0: bug is in two profiles (bug and defect): list it in one',
    );
    expect(configError('issueTypes: [Story, Epic]\n')).toBe('centric.yml: issueTypes.1: Epic is linted by the epic profile: remove it here, or from profiles.epic.issueTypes');
    expect(configError('projects:\n  OPS: { issueTypes: [Story, Bug] }\nprofiles:\n  bug: { issueTypes: [Bug] }\n')).toBe(
      'centric.yml: projects.OPS.issueTypes.1: Bug is linted by the bug profile: remove it here, or from profiles.bug.issueTypes',
    );
    expect(configError('profiles:\n  bug: { rules: { story-format: off } }\n')).toBe('centric.yml: profiles.bug.issueTypes: list the issue types this profile lints, e.g. [Bug]');
    expect(configError('profiles:\n  Bug: { issueTypes: [Bug] }\n')).toBe('centric.yml: profiles.Bug: expected a profile name such as epic or bug');
    expect(configError('profiles:\n  bug: { issueTypes: [Bug], rules: { story-format: loud } }\n')).toMatch(/^centric\.yml: profiles\.bug\.rules\.story-format: /);
    // Moving Epic to the base takes it out of the profile.
    expect(parseConfig('issueTypes: [Story, Epic]\nprofiles:\n  epic: { issueTypes: [] }\n', 'centric.yml').issueTypes).toEqual(['Story', 'Epic']);
  });
});

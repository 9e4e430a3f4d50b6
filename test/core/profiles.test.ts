import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { configSchema } from '../../src/core/config-schema.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { configForProject, isLinted, lintIssue } from '../../src/core/lint.js';
import { epicIssueTypes, profileIssueTypes } from '../../src/core/profiles.js';
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
    const config = configSchema().parse({ profiles: { bug: { issueTypes: ['Bug'] } } });
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
    const more = configSchema().parse({ profiles: { epic: { issueTypes: ['Epic', 'Initiative'], rules: { 'customer-evidence': 'warn' } } } });
    expect(more.profiles.epic!.rules).toEqual({ ...STORY_RULES_OFF, 'customer-evidence': 'warn', 'working-backwards': 'error' });
    const initiative = lintIssue(ofType('Initiative'), more);
    expect(initiative.findings?.map((f) => f.rule)).toEqual(['customer-evidence', 'working-backwards']);
    const off = configSchema().parse({ profiles: { epic: { issueTypes: [] } } });
    expect(lintIssue(ofType('Epic'), off)).toEqual({ key: 'SHOP-1', skipped: true });
    expect(epicIssueTypes(off)).toEqual([]);
  });

  it('applies a project\'s settings to its epics, its rules and weights over the profile\'s', () => {
    const config = configSchema().parse({
      projects: { WARD: { personas: [{ name: 'Night-shift nurse' }], rules: { 'working-backwards': 'warn' } } },
    });
    const description = 'Every night-shift nurse loses 40 minutes re-ordering.';
    expect(lintIssue(ofType('Epic', description, 'WARD-1'), config).epic?.persona).toBe('night-shift nurse');
    expect(lintIssue(ofType('Epic', description, 'SHOP-1'), config).epic?.persona).toBeNull();
    // A rule the project names wins for its epics too; other projects keep the profile's.
    expect(lintIssue(ofType('Epic', description, 'WARD-1'), config).findings?.map((f) => [f.rule, f.severity])).toEqual([['working-backwards', 'warn']]);
    expect(lintIssue(ofType('Epic', description, 'SHOP-1'), config).findings?.map((f) => [f.rule, f.severity])).toEqual([['working-backwards', 'error']]);
  });

  it('skips a project\'s epics when the project turns working-backwards off: a profile with every rule off lints nothing', () => {
    const config = parseConfig('projects:\n  OPS:\n    rules:\n      working-backwards: off\n', 'centric.yml');
    expect(lintIssue(ofType('Epic', 'Nothing', 'OPS-1'), config)).toEqual({ key: 'OPS-1', skipped: true });
    expect(isLinted(normalise(ofType('Epic', 'Nothing', 'OPS-1')), configForProject(config, 'OPS'))).toBe(false);
    expect(lintIssue(ofType('Epic', 'Nothing', 'SHOP-1'), config).findings?.map((f) => f.rule)).toEqual(['working-backwards']);
    // Its stories are linted as before.
    expect(lintIssue(ofType('Story', GOOD_STORY, 'OPS-2'), config).skipped).toBe(false);
    const everywhere = parseConfig('profiles:\n  epic:\n    rules: { working-backwards: off }\n', 'centric.yml');
    expect(lintIssue(ofType('Epic'), everywhere)).toEqual({ key: 'SHOP-1', skipped: true });
  });

  it('never turns on for epics a story rule a project tunes: the profile says which rules judge its types', () => {
    const config = parseConfig('projects:\n  OPS:\n    rules: { acceptance-criteria: warn, story-format: { severity: error, forms: [user] } }\n    scoreWeights: { working-backwards: 40 }\n', 'centric.yml');
    const epic = lintIssue(ofType('Epic', 'Nothing', 'OPS-1'), config);
    expect(epic.findings?.map((f) => [f.rule, f.severity])).toEqual([['working-backwards', 'error']]);
    expect(lintIssue(ofType('Story', 'Nothing', 'OPS-2'), config).findings?.map((f) => f.rule)).toContain('acceptance-criteria');
    // A custom profile's rules on are the project's to tune, weights included.
    const bugs = parseConfig(
      'profiles:\n  bug:\n    issueTypes: [Bug]\n    rules: { story-format: off, customer-value: off, customer-benefit: off, single-goal: off, customer-evidence: off, acceptance-criteria: off, specific-persona: off }\n' +
        'projects:\n  OPS:\n    rules: { story-format: error, visual-evidence: error }\n    scoreWeights: { customer-metric: 60 }\n',
      'centric.yml',
    );
    const bug = lintIssue(ofType('Bug', 'The basket empties when I switch phones. Checkout conversion from 2.1% to 2.6% within 6 weeks.', 'OPS-3'), bugs);
    // customer-metric (60) passes, visual-evidence (15) fails at the project's severity: 60 of 75.
    expect(bug.findings?.map((f) => [f.rule, f.severity])).toEqual([['visual-evidence', 'error']]);
    expect(bug.score).toBe(80);
  });

  it('tunes a project\'s epics only when the project names working-backwards: its stories keep their findings and score', () => {
    const config = parseConfig('projects:\n  OPS:\n    issueTypes: [Story, Epic]\n    rules: { working-backwards: warn }\n', 'centric.yml');
    const text = "As a night nurse, I want to repeat last week's order, so that I get home on time.";
    const story = lintIssue(ofType('Story', text, 'OPS-2'), config);
    expect(story).toEqual({ ...lintIssue(ofType('Story', text, 'OPS-2'), DEFAULT_CONFIG), key: 'OPS-2' });
    expect(story.findings?.map((f) => f.rule)).not.toContain('working-backwards');
    expect(story.epic).toBeUndefined();
    // Its epics: three questions open, softened from error to warn.
    const epic = lintIssue(ofType('Epic', 'Every night-shift nurse loses 40 minutes re-ordering.', 'OPS-1'), config);
    expect(epic.findings?.map((f) => [f.rule, f.severity])).toEqual([['working-backwards', 'warn']]);
    expect(lintIssue(ofType('Epic', 'Every night-shift nurse loses 40 minutes re-ordering.', 'SHOP-1'), config).findings?.map((f) => f.severity)).toEqual(['error']);
  });

  it('turns working-backwards on for a project\'s stories only when the top-level rules turn it on for the base', () => {
    const config = parseConfig('rules: { working-backwards: error }\nprojects:\n  OPS:\n    rules: { working-backwards: warn }\n', 'centric.yml');
    const text = "As a night nurse, I want to repeat last week's order, so that I get home on time.";
    expect(lintIssue(ofType('Story', text, 'OPS-2'), config).findings?.filter((f) => f.rule === 'working-backwards').map((f) => f.severity)).toEqual(['warn']);
    expect(lintIssue(ofType('Story', text, 'SHOP-2'), config).findings?.filter((f) => f.rule === 'working-backwards').map((f) => f.severity)).toEqual(['error']);
  });

  it('leaves working-backwards off for a custom profile that does not name it, whatever a project says', () => {
    const config = parseConfig(
      'profiles:\n  bug:\n    issueTypes: [Bug]\n    rules: { story-format: off }\nprojects:\n  OPS:\n    rules: { working-backwards: warn }\n',
      'centric.yml',
    );
    const bug = lintIssue(ofType('Bug', 'The basket empties when I switch phones.', 'OPS-3'), config);
    const withoutProject = parseConfig('profiles:\n  bug:\n    issueTypes: [Bug]\n    rules: { story-format: off }\n', 'centric.yml');
    expect(bug).toEqual(lintIssue(ofType('Bug', 'The basket empties when I switch phones.', 'OPS-3'), withoutProject));
    expect(bug.findings?.map((f) => f.rule)).not.toContain('working-backwards');
  });

  it('lints in a project that lists its issue types only those: an epic it lists by the epic profile, one it leaves out not at all', () => {
    const config = parseConfig('projects:\n  OPS:\n    issueTypes: [Story]\n  WARD:\n    issueTypes: [Story, epic]\n', 'centric.yml');
    expect(lintIssue(ofType('Epic', 'Nothing', 'OPS-1'), config)).toEqual({ key: 'OPS-1', skipped: true });
    expect(lintIssue(ofType('Epic', 'Nothing', 'WARD-1'), config).findings?.map((f) => f.rule)).toEqual(['working-backwards']);
    expect(lintIssue(ofType('Epic', 'Nothing', 'SHOP-1'), config).findings?.map((f) => f.rule)).toEqual(['working-backwards']);
  });

  it('reads Epic in issueTypes, as written before profiles, as "lint with the epic profile"', () => {
    const config = parseConfig('issueTypes: [Story, Epic]\n', 'centric.yml');
    expect(config.issueTypes).toEqual(['Story', 'Epic']);
    const epic = lintIssue(ofType('Epic'), config);
    expect(epic.findings?.map((f) => f.rule)).toEqual(['working-backwards']);
    expect(epic.epic?.missing).toHaveLength(5);
    // The types linted, each named once.
    expect([...config.issueTypes, ...profileIssueTypes(config)]).toEqual(['Story', 'Epic']);
    expect(profileIssueTypes(DEFAULT_CONFIG)).toEqual(['Epic']);
  });

  it('refuses an issue type in two profiles, and a profile without issue types', () => {
    expect(configError('profiles:\n  bug: { issueTypes: [Bug] }\n  defect: { issueTypes: [bug] }\n')).toBe(
      'centric.yml: profiles.defect.issueTypes.0: bug is in two profiles (bug and defect): list it in one',
    );
    // A type in a profile and in issueTypes is linted by the profile: no error.
    expect(parseConfig('projects:\n  OPS: { issueTypes: [Story, Bug] }\nprofiles:\n  bug: { issueTypes: [Bug] }\n', 'centric.yml').projects.OPS?.issueTypes).toEqual(['Story', 'Bug']);
    expect(configError('profiles:\n  bug: { rules: { story-format: off } }\n')).toBe('centric.yml: profiles.bug.issueTypes: list the issue types this profile lints, e.g. [Bug]');
    expect(configError('profiles:\n  Bug: { issueTypes: [Bug] }\n')).toBe('centric.yml: profiles.Bug: expected a profile name such as epic or bug');
    expect(configError('profiles:\n  bug: { issueTypes: [Bug], rules: { story-format: loud } }\n')).toMatch(/^centric\.yml: profiles\.bug\.rules\.story-format: /);
    // Moving Epic to the base takes it out of the profile.
    expect(parseConfig('issueTypes: [Story, Epic]\nprofiles:\n  epic: { issueTypes: [] }\n', 'centric.yml').issueTypes).toEqual(['Story', 'Epic']);
  });
});

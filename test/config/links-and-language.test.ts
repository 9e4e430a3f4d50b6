import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { configError } from '../helpers/config-error.js';

describe('centric.yml: what goes into links and which language', () => {
  it('takes only an http(s) address for the rules documentation: it becomes a link in Jira, Slack and the reports', () => {
    expect(configError('jira:\n  rulesDocUrl: "javascript:alert(1)"\n')).toContain('expected an http(s) URL such as https://wiki.example.com/centric');
    expect(parseConfig('jira:\n  rulesDocUrl: https://wiki.acme.io/centric\n', 'centric.yml').jira.rulesDocUrl).toBe('https://wiki.acme.io/centric');
  });

  it('takes one of the seven languages for a project, and names them when it is another', () => {
    expect(parseConfig('projects:\n  SHOP:\n    language: de\n', 'centric.yml').projects.SHOP?.language).toBe('de');
    const message = configError('projects:\n  SHOP:\n    language: ja\n');
    expect(message).toContain('projects.SHOP.language');
    for (const code of ['en', 'de', 'es', 'fr', 'it', 'nl', 'pt']) expect(message).toContain(code);
  });
});

describe('centric.yml: a vocabulary’s Given/When/Then', () => {
  it('takes alternatives joined by |, and refuses an empty one instead of switching the check off', () => {
    const base = 'vocabulary:\n  en:\n    givenWhenThen: ';
    expect(parseConfig(`${base}["given|assuming", when, then]\n`, 'centric.yml').vocabulary.en?.givenWhenThen).toEqual(['given|assuming', 'when', 'then']);
    for (const bad of ['["|", when, then]', '["given|", when, then]', '["a|| b", when, then]']) {
      expect(configError(`${base}${bad}\n`)).toContain('expected a word, or words joined by | (such as gegeben|angenommen), none of them empty');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { readIssueList, readIssues } from '../../src/cli/read-issues.js';
import { runCli } from '../helpers/cli.js';

const story = { key: 'SHOP-1', fields: { summary: 'Save my basket', description: 'As a returning shopper, I want to save my basket, so that I can pay on my phone.', issuetype: { name: 'Story' } } };

describe('input errors say what was expected', () => {
  it('reads a file that starts with a UTF-8 byte order mark, one issue or an array', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    for (const text of [JSON.stringify(story), JSON.stringify([story, story])]) {
      const list = readIssueList(Buffer.concat([bom, Buffer.from(text)]), 'x.json');
      expect(list.at(0)).toEqual(story);
      expect(readIssues(`\ufeff${text}`, 'x.json')[0]).toEqual(story);
    }
  });

  it('tells a UTF-16 file (with or without its byte order mark) to be saved as UTF-8', () => {
    const text = JSON.stringify([story]);
    const expected = 'x.json: the file is UTF-16 text (PowerShell\'s > writes it): save it as UTF-8, e.g. Get-Content FILE | Set-Content -Encoding utf8 FILE2';
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), Buffer.from(text, 'utf16le'), Buffer.from(Buffer.from(text, 'utf16le')).swap16()]) {
      expect(() => readIssueList(bytes, 'x.json')).toThrow(expected);
    }
    // UTF-8 with a zero byte further on is no UTF-16: JSON parsing words that error.
    expect(() => readIssueList(Buffer.from('[{"key":"A-1"}]\u0000'), 'x.json')).not.toThrow(/UTF-16/);
  });

  it('says what a description must be, and what it got', async () => {
    for (const [description, got] of [[5, 'a number'], [[1], 'an array'], [{ content: [] }, 'an object without "type"'], [{ type: 5 }, 'an object whose "type" is no string'], [true, 'a boolean']] as const) {
      const run = await runCli(['lint', '-'], JSON.stringify({ ...story, fields: { ...story.fields, description } }));
      expect(run).toEqual({ code: 2, stdout: '', stderr: `centric: <stdin>: fields.description: must be an ADF document (an object with "type"), a string or null; got ${got}\n` });
    }
  });

  it('reports an issue without an issue type instead of skipping it with exit 0', async () => {
    const { issuetype: _, ...fields } = story.fields;
    const run = await runCli(['lint', '-'], JSON.stringify([story, { key: 'SHOP-2', fields }]));
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'centric: <stdin>: issue 2 SHOP-2: fields.issuetype is missing: Centric lints by issue type (Story, Epic…); ask Jira for it (fields=summary,description,issuetype,…)\n' });
  });

  it('never writes binary input back to the terminal', async () => {
    const run = await runCli(['lint', '-'], '\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000\u0000\u001b[31m');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^centric: <stdin>: invalid JSON: /);
    expect(run.stderr.trimEnd()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(run.stderr).toContain('\\u007fELF');
  });

  it('reads ./centric.yml when .env leaves CENTRIC_CONFIG empty, as .env.example does', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'centric-config-'));
    writeFileSync(join(dir, 'centric.yml'), 'rules:\n  single-goal: offf\n');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const run = await runCli(['lint', '-'], JSON.stringify(story), { CENTRIC_CONFIG: '' });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^centric: \.\/centric\.yml: rules\.single-goal: /);
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses a --project that is no project key in every command that takes one, before reaching Jira or the database', async () => {
    for (const command of ['audit', 'digest', 'outcomes', 'rank']) {
      for (const given of ['SHOP-1', 'shop one', '"x" OR 1=1']) {
        const run = await runCli([command, '--project', given], '', {});
        expect(run).toEqual({ code: 2, stdout: '', stderr: `centric: --project takes a Jira project key such as SHOP, not "${given}"\n` });
      }
    }
  });
});

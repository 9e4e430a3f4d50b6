import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { lintIssue } from '../../src/core/lint.js';
import { parseCommand } from '../../src/core/slash-command.js';
import { normalise } from '../../src/core/ticket/normalise.js';

const NODE_TYPES = ['doc', 'paragraph', 'text', 'heading', 'bulletList', 'orderedList', 'listItem', 'mediaSingle', 'media', 'inlineCard', 'codeBlock', 'table', 'tableRow', 'tableCell', 'panel', 'expand', 'hardBreak', 'mention', 'emoji', 'unknownNode'];

/** ADF-shaped trees with every field allowed to be wrong: types, attrs, marks, text, content. */
const adfNode: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record(
      {
        type: fc.oneof(fc.constantFrom(...NODE_TYPES), fc.string(), fc.integer()),
        text: fc.oneof(fc.string({ unit: 'grapheme' }), fc.constant(undefined), fc.integer()),
        attrs: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.constant(null)),
        marks: fc.oneof(fc.array(fc.record({ type: fc.constantFrom('link', 'strong', 'code', 'x'), attrs: fc.oneof(fc.record({ href: fc.oneof(fc.webUrl(), fc.string()) }), fc.constant(undefined)) })), fc.string()),
        content: fc.oneof(fc.array(tie('node'), { maxLength: 5 }), fc.string(), fc.constant(null)),
      },
      { requiredKeys: ['type'] },
    ),
    fc.jsonValue(),
  ),
})).node;

const wiki = fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('h3. ', '* ', '# ', '{code}', '{noformat}', '!image.png!', '[link|https://figma.com/x]', '||a||b||', '|c|d|', 'As a ', ' I want ', ' so that ', '\n', '{panel}', '----')), { maxLength: 40 }).map((parts) => parts.join(''));

const issueWith = (description: unknown, fields: Record<string, unknown> = {}) => ({ key: 'SHOP-1', fields: { summary: 'x', issuetype: { name: 'Story' }, description, ...fields } });

describe('bad input, generated', () => {
  it('the normaliser and the rules never throw on random ADF, and always give a score from 0 to 100', () => {
    fc.assert(
      fc.property(adfNode, (description) => {
        const report = lintIssue(issueWith(description) as never, DEFAULT_CONFIG);
        expect(report.skipped || (report.score! >= 0 && report.score! <= 100)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the story parser never throws on random wiki markup and Unicode, and a story it finds has a role and a goal', () => {
    fc.assert(
      fc.property(wiki, fc.string({ unit: 'grapheme' }), (description, summary) => {
        const report = lintIssue(issueWith(description, { summary }) as never, DEFAULT_CONFIG);
        if (report.story) expect(report.story.role.length * report.story.goal.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('deeply nested documents are read without overflowing the stack', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 20_000 }), (depth) => {
        let node: Record<string, unknown> = { type: 'text', text: 'As a night nurse, I want a list so that I plan.' };
        for (let i = 0; i < depth; i++) node = { type: i % 2 ? 'bulletList' : 'listItem', content: [node] };
        const ticket = normalise(issueWith({ type: 'doc', version: 1, content: [node] }) as never);
        expect(ticket.truncated).toBe(true);
      }),
      { numRuns: 5 },
    );
  });

  it('the slash-command parser answers every input with a command or one line saying what to type', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(fc.constantFrom('check', 'subscribe', 'SHOP-1', '#product', '<#C123|product>', 'monday', '25:99', 'mute', '-1', 'project = SHOP', '"', ' '), { maxLength: 8 }).map((w) => w.join(' '))), (text) => {
        const parsed = parseCommand(text);
        if (!parsed.ok) {
          expect(parsed.error.length).toBeGreaterThan(0);
          expect(parsed.error).not.toContain('undefined');
        }
      }),
      { numRuns: 500 },
    );
  });
});

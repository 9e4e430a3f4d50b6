import type { CompiledLanguage } from '../compile.js';
import type { TextBlock } from '../types.js';
import type { Rule } from './rule.js';

function hasCriteriaSection(blocks: TextBlock[], lang: CompiledLanguage): boolean {
  return blocks.some((block, i) => {
    const heading = lang.acceptanceHeading.exec(block.text);
    if (!heading) return false;
    const rest = block.text.slice(heading[0].length).trim();
    const next = blocks[i + 1];
    return rest.length > 0 || (next !== undefined && next.kind !== 'heading');
  });
}

function hasGivenWhenThen(text: string, lang: CompiledLanguage): boolean {
  return lang.givenWhenThen.every((re) => re.test(text));
}

export const acceptanceCriteria: Rule = {
  id: 'acceptance-criteria',
  defaultSeverity: 'warn',
  why: 'Acceptance criteria say when the customer\'s problem is solved, so "done" means the same to the product owner, the developer and the tester.',
  needsStory: false,
  check({ ticket, blocks, languages, story }) {
    if (ticket.acceptanceCriteria.length > 0) return null;
    const text = blocks.map((b) => b.text).join('\n');
    for (const lang of languages) {
      if (hasCriteriaSection(blocks, lang) || hasGivenWhenThen(text, lang)) return null;
    }
    const who = story ? `the ${story.role}` : 'the customer';
    return {
      message: 'No acceptance criteria: nothing says when this story is done.',
      hint: `Add an "Acceptance criteria" section, e.g. "Given <situation>, when ${who} <does something>, then they see <result>".`,
    };
  },
};

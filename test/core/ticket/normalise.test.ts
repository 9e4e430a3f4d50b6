import { describe, expect, it } from 'vitest';
import { ADF_LIMITS } from '../../../src/core/ticket/adf.js';
import { normalise } from '../../../src/core/ticket/normalise.js';
import { bullets, doc, heading, image, issue, para, text } from '../../helpers/issues.js';

const strong = [{ type: 'strong' }];
const link = (href: string) => [{ type: 'link', attrs: { href } }];

describe('the same content in ADF, wiki markup and plain text gives the same Ticket', () => {
  it('headings, paragraphs, list items, links and images', () => {
    const adf = doc(
      heading('Saved basket'),
      para(text('As a '), text('returning customer', strong), text(', I want to save my basket.')),
      image('basket.png'),
      bullets('Given a basket', 'Then it is saved'),
      para(text('Design: '), text('the board', link('https://www.figma.com/file/abc'))),
    );
    const wiki = [
      'h3. Saved basket',
      'As a *returning customer*, I want to save my basket.',
      '',
      '!basket.png|thumbnail!',
      '',
      '* Given a basket',
      '* Then it is saved',
      '',
      'Design: [the board|https://www.figma.com/file/abc]',
    ].join('\n');
    const fromAdf = normalise(issue(adf));
    expect(normalise(issue(wiki))).toEqual(fromAdf);
    expect(fromAdf.description).toEqual([
      { kind: 'heading', text: 'Saved basket' },
      { kind: 'paragraph', text: 'As a returning customer, I want to save my basket.' },
      { kind: 'listItem', text: 'Given a basket' },
      { kind: 'listItem', text: 'Then it is saved' },
      // The link's address is not in the text: the block keeps it with its words.
      { kind: 'paragraph', text: 'Design: the board', links: [{ text: 'the board', url: 'https://www.figma.com/file/abc' }] },
    ]);
    expect(fromAdf.links).toEqual(['https://www.figma.com/file/abc']);
    expect(fromAdf.images).toEqual(['basket.png']);
  });

  it('paragraphs and line breaks, with bare links', () => {
    const adf = doc(
      para(text('As a nurse'), { type: 'hardBreak' }, text('I want to see my ward')),
      para(text('Recording: https://www.loom.com/share/abc')),
    );
    const plain = 'As a nurse\nI want to see my ward\n\nRecording: https://www.loom.com/share/abc';
    const fromPlain = normalise(issue(plain));
    expect(normalise(issue(adf))).toEqual(fromPlain);
    expect(fromPlain.description.map((b) => b.text)).toEqual(['As a nurse\nI want to see my ward', 'Recording: https://www.loom.com/share/abc']);
    expect(fromPlain.links).toEqual(['https://www.loom.com/share/abc']);
  });
});

describe('ADF', () => {
  it('walks unknown nodes instead of rejecting them', () => {
    const ticket = normalise(issue(doc({ type: 'futureContainer', content: [{ type: 'panel', content: [para(text('Inside'))] }] })));
    expect(ticket.description).toEqual([{ kind: 'paragraph', text: 'Inside' }]);
  });

  it('reads cards, mentions, dates, tables and media groups', () => {
    const ticket = normalise(
      issue(
        doc(
          para(text('Ask '), { type: 'mention', attrs: { id: '1', text: '@Priya' } }, text(' by '), { type: 'date', attrs: { timestamp: '1767225600000' } }),
          { type: 'blockCard', attrs: { url: 'https://miro.com/app/board/x' } },
          { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', content: [para(text('Metric'))] }] }] },
          { type: 'mediaGroup', content: [{ type: 'media', attrs: { type: 'file', id: 'a', collection: '', alt: 'spec.pdf' } }, { type: 'media', attrs: { type: 'file', id: 'b', collection: '', alt: 'shot.PNG' } }] },
        ),
      ),
    );
    expect(ticket.description).toEqual([
      // A card is read with the block before it.
      { kind: 'paragraph', text: 'Ask @Priya by 2026-01-01', links: [{ text: '', url: 'https://miro.com/app/board/x' }] },
      { kind: 'tableCell', text: 'Metric', cell: { row: 0, column: 0 } },
    ]);
    expect(ticket.links).toEqual(['https://miro.com/app/board/x']);
    expect(ticket.images).toEqual(['shot.PNG']);
  });

  it('stops at a hostile depth without throwing and says it truncated', () => {
    let node: Record<string, unknown> = para(text('deep'));
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] };
    const ticket = normalise(issue(doc(para(text('Top')), node)));
    expect(ticket.truncated).toBe(true);
    expect(ticket.description[0]).toEqual({ kind: 'paragraph', text: 'Top' });
  });

  it('stops at a hostile node count', () => {
    const many = Array.from({ length: ADF_LIMITS.maxNodes + 10 }, (_, i) => para(text(`p${i}`)));
    const ticket = normalise(issue(doc(...many)));
    expect(ticket.truncated).toBe(true);
    expect(ticket.description.length).toBeLessThan(ADF_LIMITS.maxNodes);
  });

  it('ignores values that are not nodes', () => {
    const ticket = normalise(issue({ type: 'doc', content: [null, 7, 'x', [para(text('no'))], { content: 'oops' }, para(text('ok'))] }));
    expect(ticket.description).toEqual([{ kind: 'paragraph', text: 'ok' }]);
  });
});

describe('wiki markup', () => {
  it('keeps code apart, strips emphasis and colour, reads attachments and mentions', () => {
    const ticket = normalise(
      issue('{code:json}\n{"as a": "user, I want"}\n{code}\n{color:red}_Urgent_{color} for [~accountid:123] see [^spec.pdf] and {{mono}}\n||Metric||Target||\n|NPS|+10|'),
    );
    expect(ticket.description).toEqual([
      { kind: 'code', text: '{"as a": "user, I want"}' },
      { kind: 'paragraph', text: 'Urgent for @123 see spec.pdf and mono' },
      { kind: 'tableCell', text: 'Metric', cell: { row: 0, column: 0 } },
      { kind: 'tableCell', text: 'Target', cell: { row: 0, column: 1 } },
      { kind: 'tableCell', text: 'NPS', cell: { row: 1, column: 0 } },
      { kind: 'tableCell', text: '+10', cell: { row: 1, column: 1 } },
    ]);
  });

  it('does not read dates or hyphenated words as strike-through', () => {
    expect(normalise(issue('Deletions of 12-19-2017 for the first-time shopper')).description[0]?.text).toBe(
      'Deletions of 12-19-2017 for the first-time shopper',
    );
  });
});

describe('fields', () => {
  it('maps attachments, labels, components, people, status and the acceptance-criteria field', () => {
    const ticket = normalise(
      {
        key: 'SHOP-9',
        fields: {
          summary: '  Title ',
          description: null,
          issuetype: { name: 'Story' },
          status: { name: 'Ready for Development' },
          project: { key: 'SHOP' },
          attachment: [{ filename: 'flow.jpg', mimeType: 'image/jpeg' }, { filename: 'mock.png' }],
          labels: ['web'],
          components: [{ name: 'Checkout' }],
          reporter: { accountId: 'abc', displayName: 'Priya', emailAddress: 'p@x.io' },
          assignee: { name: 'marek', displayName: 'Marek' },
          customfield_10035: 'Given a basket, when I leave, then it is kept',
        },
      },
      'customfield_10035',
    );
    expect(ticket).toMatchObject({
      key: 'SHOP-9',
      project: 'SHOP',
      summary: 'Title',
      status: 'Ready for Development',
      attachments: [{ filename: 'flow.jpg', mimeType: 'image/jpeg' }, { filename: 'mock.png', mimeType: 'image/png' }],
      labels: ['web'],
      components: ['Checkout'],
      reporter: { accountId: 'abc', displayName: 'Priya', email: 'p@x.io' },
      assignee: { accountId: 'marek', displayName: 'Marek', email: null },
      acceptanceCriteria: [{ kind: 'paragraph', text: 'Given a basket, when I leave, then it is kept' }],
      description: [],
    });
  });

  it('reads the parent (Jira Cloud: the epic of a story) with its type, null when there is none', () => {
    const withParent = normalise({ key: 'SHOP-2', fields: { issuetype: { name: 'Story' }, parent: { key: 'SHOP-1', fields: { issuetype: { name: 'Epic' } } } } });
    expect(withParent.parent).toEqual({ key: 'SHOP-1', issueType: 'Epic' });
    expect(normalise({ key: 'SHOP-2', fields: { parent: { key: 'SHOP-1' } } }).parent).toEqual({ key: 'SHOP-1', issueType: '' });
    expect(normalise({ key: 'SHOP-2', fields: { parent: null } }).parent).toBeNull();
    expect(normalise({ key: 'SHOP-2', fields: {} }).parent).toBeNull();
  });
});

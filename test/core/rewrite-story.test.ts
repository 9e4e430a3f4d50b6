import { describe, expect, it } from 'vitest';
import { compile } from '../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { rewriteAdfStory, rewriteWikiStory } from '../../src/core/story/rewrite-story.js';
import { bullets, doc, heading, image, para, text } from '../helpers/issues.js';

const compiled = compile(DEFAULT_CONFIG);
const FIX = { role: 'returning shopper', goal: 'save my basket', benefit: 'I can pay on my phone', metric: 'checkout conversion +3% in 6 weeks', visualsUrl: 'https://www.figma.com/file/abc' };

describe('rewriting the story of an ADF description', () => {
  it('replaces only the story paragraph and keeps every other node, media included', () => {
    const mediaGroup = { type: 'mediaGroup', content: [{ type: 'media', attrs: { type: 'file', id: 'f2', collection: '' } }] };
    const inline = { type: 'mediaInline', attrs: { type: 'file', id: 'f3', collection: '' } };
    const original = doc(
      heading('Context'),
      para(text('As a user, I want to save my basket.'), inline),
      image('basket.png'),
      bullets('Given a basket, then it is kept'),
      mediaGroup,
      para(text('Success: faster checkout')),
    );
    const rewritten = rewriteAdfStory(original, FIX, compiled) as { content: Array<Record<string, unknown>> };
    const json = JSON.stringify(rewritten);
    expect(json).toContain('"id":"id-basket.png"');
    expect(json).toContain('"id":"f2"');
    expect(json).toContain('"id":"f3"');
    expect(rewritten.content.map((n) => n.type)).toEqual(['heading', 'paragraph', 'mediaSingle', 'bulletList', 'mediaGroup', 'paragraph', 'paragraph']);
    expect(rewritten.content[1]).toEqual(para(text('As a returning shopper, I want to save my basket, so that I can pay on my phone.'), text(' '), inline));
    expect(rewritten.content[5]).toEqual(para(text('Success: checkout conversion +3% in 6 weeks')));
    expect(rewritten.content[6]).toEqual(para(text('Design: '), text(FIX.visualsUrl, [{ type: 'link', attrs: { href: FIX.visualsUrl } }])));
    expect(rewritten.content[0]).toBe((original.content as unknown[])[0]);
  });

  it('puts the story first when the ticket had none, and leaves metric and design out when not given', () => {
    const original = doc(para(text('Refactor the basket.')));
    const rewritten = rewriteAdfStory(original, { ...FIX, metric: '', visualsUrl: '' }, compiled) as { content: unknown[] };
    expect(rewritten.content).toEqual([para(text('As a returning shopper, I want to save my basket, so that I can pay on my phone.')), para(text('Refactor the basket.'))]);
  });
});

describe('rewriting the story of wiki markup', () => {
  it('replaces the story paragraph and keeps images and everything else', () => {
    const wiki = 'h3. Context\n\nAs a user, I want to save my basket.\n\n!basket.png|thumbnail!\n\n* Given a basket\n\nSuccess: faster';
    expect(rewriteWikiStory(wiki, FIX, compiled)).toBe(
      'h3. Context\n\nAs a returning shopper, I want to save my basket, so that I can pay on my phone.\n\n!basket.png|thumbnail!\n\n* Given a basket\n\nSuccess: checkout conversion +3% in 6 weeks\n\nDesign: [https://www.figma.com/file/abc]',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { doc, image, para, text } from '../../helpers/issues.js';
import { finding } from '../../helpers/lint.js';

const STORY = 'As a shopper, I want to save my basket so that I pay later.';

describe('visual-evidence', () => {
  it('passes with an image attachment', () => {
    expect(finding('visual-evidence', STORY, { attachment: [{ filename: 'flow.png', mimeType: 'image/png' }] })).toBeUndefined();
  });

  it('passes with an embedded image in ADF or wiki markup', () => {
    expect(finding('visual-evidence', doc(para(text(STORY)), image('mock.png')))).toBeUndefined();
    expect(finding('visual-evidence', `${STORY}\n!mock.png|thumbnail!`)).toBeUndefined();
  });

  it.each([
    'https://www.figma.com/file/abc/Basket',
    'https://miro.com/app/board/uXj=/',
    'https://projects.invisionapp.com/share/X',
    'https://app.zeplin.io/project/1',
    'https://xd.adobe.com/view/1',
    'https://lucid.app/lucidchart/1',
    'https://www.loom.com/share/abc',
    'https://youtu.be/abc',
    'https://vimeo.com/123',
    'https://scribehow.com/shared/x',
  ])('passes with a link to %s', (url) => {
    expect(finding('visual-evidence', `${STORY}\nSee [the design|${url}]`)).toBeUndefined();
  });

  it('does not count PDFs, documents or other links, and says so', () => {
    expect(
      finding('visual-evidence', `${STORY}\nSpec: https://acme.atlassian.net/wiki/x and https://docs.google.com/document/d/1 and https://notfigma.com.evil.io/x`, {
        attachment: [{ filename: 'spec.pdf', mimeType: 'application/pdf' }],
      }),
    ).toEqual({
      rule: 'visual-evidence',
      severity: 'warn',
      message: 'Nothing shows what the customer will see: no screenshot, wireframe, design link or recording (spec.pdf is not a picture of it).',
      hint: 'Attach a screenshot or wireframe, or link the design (Figma, Miro, Sketch…) or a screen recording (Loom) of the flow.',
      link: 'https://github.com/centric-bot/centric/blob/main/README.md#visual-evidence',
    });
  });
});

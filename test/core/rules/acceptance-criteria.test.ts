import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { finding } from '../../helpers/lint.js';

const STORY = 'As a shopper, I want to save my basket so that I pay later.';

describe('acceptance-criteria', () => {
  it.each([
    ['a section with a list', `${STORY}\n\nh3. Acceptance criteria\n* The basket is kept for 30 days`],
    ['a label with text', `${STORY}\n\n*AC:* the basket is kept for 30 days`],
    ['Given/When/Then lines', `${STORY}\n\nGiven a saved basket\nWhen I sign in\nThen I see it`],
    ['one Given/when/then line', `${STORY}\n\nGiven a saved basket, when I sign in, then I see it.`],
    ['German', 'Als Käuferin möchte ich speichern, damit ich zahle.\n\nh3. Akzeptanzkriterien\n* Der Warenkorb bleibt 30 Tage'],
    ['Spanish Given/When/Then', 'Como compradora quiero guardar para pagar.\nDado un carrito\nCuando entro\nEntonces lo veo'],
  ])('passes with %s', (_name, description) => {
    expect(finding('acceptance-criteria', description)).toBeUndefined();
  });

  it('passes when the configured custom field holds criteria', () => {
    const config = { ...DEFAULT_CONFIG, acceptanceCriteriaField: 'customfield_10035' };
    expect(finding('acceptance-criteria', STORY, { customfield_10035: 'Basket kept 30 days' }, config)).toBeUndefined();
  });

  it('fails on an empty heading and names the persona in the hint', () => {
    expect(finding('acceptance-criteria', `${STORY}\n\nh3. Acceptance criteria\nh3. Notes`)).toEqual({
      rule: 'acceptance-criteria',
      severity: 'warn',
      message: 'No acceptance criteria: nothing says when this story is done.',
      hint: 'Add an "Acceptance criteria" section, e.g. "Given <situation>, when the shopper <does something>, then they see <result>".',
      link: 'https://github.com/centric-bot/centric/blob/main/README.md#acceptance-criteria',
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { lintIssue } from '../../src/core/lint.js';
import { doc, heading, issue, para, text } from '../helpers/issues.js';

/**
 * README promises that the same content gives the same result in ADF, wiki markup and plain text.
 * A ticket is generated as content (story, criteria, metric, design link, and how they are laid
 * out) and rendered in each format the way people write it there; the three reports must agree.
 */

interface Language {
  story: string;
  heading: string;
  /** Given, When, Then clauses, written as the language's criteria are. */
  gwt: [string, string, string];
  /** A criterion without Given/When/Then words: only its heading or label makes it one. */
  plain: string;
  success: string;
  /** The story with a negative purpose as its benefit ("para no …", "pour ne pas …", "to avoid …"). */
  negative: string;
  /** The story without a benefit, the language's "Why" label, and the reason it gives. */
  bare: string;
  why: string;
  reason: string;
}

const LANGUAGES: Record<string, Language> = {
  en: {
    story: 'As a ward clerk, I want to see free beds so that I can admit patients sooner.',
    heading: 'Acceptance criteria',
    gwt: ['Given a free bed', 'when a patient arrives', 'then I see the bed'],
    plain: 'The list shows only free beds',
    success: 'Success: conversion from 20% to 25% within 6 weeks.',
    negative: 'As a ward clerk, I want to see free beds to avoid sending patients to full wards.',
    bare: 'As a ward clerk, I want to see free beds.',
    why: 'Why',
    reason: 'patients wait less for a bed',
  },
  de: {
    story: 'Als Stationssekretärin möchte ich freie Betten sehen, damit ich Patienten schneller aufnehmen kann.',
    heading: 'Akzeptanzkriterien',
    gwt: ['Gegeben ein freies Bett', 'wenn ein Patient kommt', 'dann sehe ich das Bett'],
    plain: 'Die Liste zeigt nur freie Betten',
    success: 'Erfolg: Konversion von 20 % auf 25 % innerhalb von 6 Wochen.',
    negative: 'Als Stationssekretärin möchte ich freie Betten sehen, um Patienten nicht auf volle Stationen zu schicken.',
    bare: 'Als Stationssekretärin möchte ich freie Betten sehen.',
    why: 'Warum',
    reason: 'Patienten warten kürzer auf ein Bett',
  },
  es: {
    story: 'Como enfermera quiero ver las camas libres para que pueda ingresar pacientes antes.',
    heading: 'Criterios de aceptación',
    gwt: ['Dado una cama libre', 'cuando llega un paciente', 'entonces veo la cama'],
    plain: 'La lista muestra solo camas libres',
    success: 'Éxito: conversión de 20 % a 25 % en 6 semanas.',
    negative: 'Como enfermera quiero ver las camas libres para no enviar pacientes a plantas llenas.',
    bare: 'Como enfermera quiero ver las camas libres.',
    why: 'Por qué',
    reason: 'los pacientes esperan menos por una cama',
  },
  fr: {
    story: "En tant qu'infirmière, je veux voir les lits libres afin de pouvoir admettre les patients plus vite.",
    heading: "Critères d'acceptation",
    gwt: ['Étant donné un lit libre', 'quand un patient arrive', 'alors je vois le lit'],
    plain: 'La liste montre seulement les lits libres',
    success: 'Succès : taux de conversion de 20 % à 25 % en 6 semaines.',
    negative: "En tant qu'infirmière, je veux voir les lits libres pour ne pas envoyer de patients dans un service plein.",
    bare: "En tant qu'infirmière, je veux voir les lits libres.",
    why: 'Pourquoi',
    reason: 'les patients attendent moins un lit',
  },
  it: {
    story: 'Come infermiera voglio vedere i letti liberi così che possa ricoverare i pazienti prima.',
    heading: 'Criteri di accettazione',
    gwt: ['Dato un letto libero', 'quando arriva un paziente', 'allora vedo il letto'],
    plain: "L'elenco mostra solo i letti liberi",
    success: 'Successo: conversione dal 20% al 25% entro 6 settimane.',
    negative: 'Come infermiera voglio vedere i letti liberi per non mandare pazienti in reparti pieni.',
    bare: 'Come infermiera voglio vedere i letti liberi.',
    why: 'Perché',
    reason: 'i pazienti aspettano meno un letto',
  },
  nl: {
    story: 'Als verpleegkundige wil ik vrije bedden zien zodat ik patiënten sneller kan opnemen.',
    heading: 'Acceptatiecriteria',
    gwt: ['Gegeven een vrij bed', 'wanneer een patiënt komt', 'dan zie ik het bed'],
    plain: 'De lijst toont alleen vrije bedden',
    success: 'Succes: conversie van 20% naar 25% binnen 6 weken.',
    negative: 'Als verpleegkundige wil ik vrije bedden zien om geen patiënten naar volle afdelingen te sturen.',
    bare: 'Als verpleegkundige wil ik vrije bedden zien.',
    why: 'Waarom',
    reason: 'patiënten wachten korter op een bed',
  },
  pt: {
    story: 'Como enfermeira quero ver os leitos livres para que possa internar pacientes mais cedo.',
    heading: 'Critérios de aceitação',
    gwt: ['Dado um leito livre', 'quando chega um paciente', 'então vejo o leito'],
    plain: 'A lista mostra apenas leitos livres',
    success: 'Sucesso: conversão de 20% para 25% em 6 semanas.',
    negative: 'Como enfermeira quero ver os leitos livres para não mandar pacientes a alas cheias.',
    bare: 'Como enfermeira quero ver os leitos livres.',
    why: 'Por quê',
    reason: 'os pacientes esperam menos por um leito',
  },
};

const FIGMA = 'https://www.figma.com/file/abc/Beds';
/** French sets a space before a colon. */
const colon = (c: { lang: string }): string => (c.lang === 'fr' ? ' :' : ':');
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const content = fc.record({
  lang: fc.constantFrom(...Object.keys(LANGUAGES)),
  /** What stands before the story on its line: an icon, a status lozenge, a mention. */
  label: fc.constantFrom('none', 'emoji', 'status', 'mention'),
  /** Criteria under a heading, after a "…:" label, as bare Given/When/Then items, or none. */
  criteria: fc.constantFrom('heading', 'label', 'bare', 'none'),
  /** One "Given …, when …, then …" item, one item per clause, or items without those words. */
  items: fc.constantFrom('one', 'three', 'plain'),
  /** Each criterion ticked off with an icon in front. */
  tick: fc.boolean(),
  success: fc.boolean(),
  design: fc.boolean(),
  /** Text formats: a blank line between parts or not (ADF has no such choice). */
  blank: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  bullet: fc.constantFrom('*', '-'),
  /** Criteria as a bulleted, numbered or checkbox list. */
  list: fc.constantFrom('bullet', 'numbered', 'checkbox'),
  /** "1." or "1)" before a numbered item in plain text. */
  number: fc.constantFrom('.', ')'),
  /** The benefit: a clause of the story, a negative purpose, or a "Why" line or section after it. */
  benefit: fc.constantFrom('clause', 'negative', 'why-line', 'why-heading'),
});
type Content = typeof content extends fc.Arbitrary<infer T> ? T : never;

/** The story sentence: with its benefit clause, with a negative purpose, or without one (a "Why" part follows). */
const storyOf = (c: Content): string => {
  const l = LANGUAGES[c.lang]!;
  return c.benefit === 'clause' ? l.story : c.benefit === 'negative' ? l.negative : l.bare;
};

const items = (c: Content): string[] => {
  const { gwt: [g, w, t], plain } = LANGUAGES[c.lang]!;
  if (c.items === 'plain') return [plain, plain.replace(/\S+$/, (w) => `${w} first`)];
  return c.items === 'one' ? [`${g}, ${w}, ${t}`] : [g, capital(w), capital(t)];
};

function asAdf(c: Content): unknown {
  const l = LANGUAGES[c.lang]!;
  const label = {
    none: [],
    emoji: [{ type: 'emoji', attrs: { shortName: ':star:', id: '2b50', text: '⭐' } }, text(' ')],
    status: [{ type: 'status', attrs: { text: 'DRAFT', color: 'neutral', localId: 'x' } }],
    mention: [{ type: 'mention', attrs: { id: 'u1', text: '@Priya' } }, text(' ')],
  }[c.label]!;
  const nodes: unknown[] = [para(...(label as Array<Record<string, unknown>>), text(storyOf(c)))];
  if (c.benefit === 'why-line') nodes.push(para(text(`${l.why}${colon(c)}`, [{ type: 'strong' }]), text(` ${l.reason}.`)));
  if (c.benefit === 'why-heading') nodes.push(heading(l.why), para(text(`${l.reason}.`)));
  if (c.criteria === 'heading') nodes.push(heading(l.heading));
  if (c.criteria === 'label') nodes.push(para(text(`${l.heading}:`, [{ type: 'strong' }])));
  if (c.criteria !== 'none') {
    const tick = c.tick ? [{ type: 'emoji', attrs: { shortName: ':white_check_mark:', text: '✅' } }, text(' ')] : [];
    if (c.list === 'checkbox') {
      nodes.push({ type: 'taskList', attrs: { localId: 'tl' }, content: items(c).map((i) => ({ type: 'taskItem', attrs: { localId: i, state: 'TODO' }, content: [...tick, text(i)] })) });
    } else {
      nodes.push({ type: c.list === 'numbered' ? 'orderedList' : 'bulletList', content: items(c).map((i) => ({ type: 'listItem', content: [para(...tick, text(i))] })) });
    }
  }
  if (c.success) nodes.push(para(text(l.success)));
  if (c.design) nodes.push(para(text('Design: '), text('the board', [{ type: 'link', attrs: { href: FIGMA } }])));
  return doc(...(nodes as Array<Record<string, unknown>>));
}

/** Wiki markup (wiki) or plain text (plain): the parts joined by a line break or a blank line. */
function asText(c: Content, wiki: boolean): string {
  const l = LANGUAGES[c.lang]!;
  const label = wiki
    ? { none: '', emoji: '(*) ', status: '{status:colour=Grey|title=DRAFT} ', mention: '[~priya] ' }[c.label]
    : { none: '', emoji: '⭐ ', status: '[DRAFT] ', mention: '@priya ' }[c.label];
  const parts: string[] = [label + storyOf(c)];
  if (c.benefit === 'why-line') parts.push(wiki ? `*${l.why}${colon(c)}* ${l.reason}.` : `${l.why}${colon(c)} ${l.reason}.`);
  if (c.benefit === 'why-heading') parts.push(wiki ? `h3. ${l.why}\n${l.reason}.` : `${l.why}${colon(c)}\n${l.reason}.`);
  const tick = c.tick ? (wiki ? '(/) ' : '✅ ') : '';
  const mark = (n: number): string => {
    if (c.list === 'numbered') return wiki ? '#' : `${n + 1}${c.number}`;
    if (c.list === 'checkbox') return wiki ? '* [ ]' : `${c.bullet} [ ]`;
    return wiki ? '*' : c.bullet;
  };
  const list = items(c).map((i, n) => `${mark(n)} ${tick}${i}`).join('\n');
  if (c.criteria === 'heading') parts.push(`${wiki ? 'h3. ' : ''}${l.heading}${wiki ? '' : ':'}\n${list}`);
  if (c.criteria === 'label') parts.push(`${wiki ? `*${l.heading}:*` : `${l.heading}:`}\n${list}`);
  if (c.criteria === 'bare') parts.push(list);
  if (c.success) parts.push(l.success);
  if (c.design) parts.push(wiki ? `Design: [the board|${FIGMA}]` : `Design: ${FIGMA}`);
  return parts.reduce((all, part, i) => `${all}${c.blank[i - 1] ? '\n\n' : '\n'}${part}`);
}

/** What a user sees of a report: which rules found what, how badly, the score and the story read. */
function verdict(description: unknown) {
  const report = lintIssue(issue(description), DEFAULT_CONFIG);
  return {
    findings: (report.findings ?? []).map((f) => `${f.rule}:${f.severity}`).sort(),
    score: report.score,
    story: report.story && { role: report.story.role, goal: report.story.goal, benefit: report.story.benefit, language: report.story.language },
  };
}

describe('the same ticket in ADF, wiki markup and plain text gets the same report', () => {
  it('in every language, whatever the layout', () => {
    fc.assert(
      fc.property(content, (c) => {
        const adf = verdict(asAdf(c));
        expect(verdict(asText(c, true))).toEqual(adf);
        expect(verdict(asText(c, false))).toEqual(adf);
        // The agreement is on the content being read, not on all three missing it.
        expect(adf.story?.language).toBe(c.lang);
        expect(adf.findings.includes('acceptance-criteria:warn')).toBe(c.criteria === 'none' || (c.criteria === 'bare' && c.items === 'plain'));
        // Every benefit form is read as one, a "Why" section's text as the benefit.
        expect(adf.findings.filter((f) => f.startsWith('customer-value'))).toEqual([]);
        if (c.benefit.startsWith('why')) expect(adf.story?.benefit).toBe(LANGUAGES[c.lang]!.reason);
      }),
      { numRuns: 400 },
    );
  });

  it.each(Object.keys(LANGUAGES))('%s: a criteria label straight under the story counts in every format', (lang) => {
    const c: Content = {
      lang, label: 'none', criteria: 'label', items: 'plain', tick: false, success: false, design: false,
      blank: [false, false, false, false, false], bullet: '*', list: 'bullet', number: '.', benefit: 'clause',
    };
    for (const description of [asAdf(c), asText(c, true), asText(c, false)]) {
      expect(verdict(description).findings).not.toContain('acceptance-criteria:warn');
    }
  });
});

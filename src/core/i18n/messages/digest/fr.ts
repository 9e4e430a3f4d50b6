import type { en } from './en.js';

/** The digest's lines in French: see en.ts. */
export const fr: Record<keyof typeof en, string> = {
  this: '{period, select, week {cette semaine} other {sur cette période}}',
  span: '{period, select, week {{count, plural, one {{count} semaine} other {{count} semaines}}} other {{count, plural, one {{count} période} other {{count} périodes}}}}',
  more: 'et {count} de plus',
  separator: '\u202f; ',

  balance: 'client {customer}, les deux {both}, business {business} sur {stories, plural, one {{stories} story} other {{stories} stories}}\u202f; part client {share}{change}{target}',
  'balance.change': ' ({change}\u00a0pts)',
  'balance.target': ' (objectif ≥ {target}\u00a0: {met, select, yes {atteint} other {non atteint}})',

  'outcomes.hit': '{hit, plural, one {{hit} objectif atteint} other {{hit} objectifs atteints}} sur {total} ({rate}) {this}',
  'outcomes.hitNotMeasured': '{hit, plural, one {{hit} objectif atteint} other {{hit} objectifs atteints}} sur {total} ({rate}) {this}, {notMeasured, plural, one {{notMeasured} non mesuré} other {{notMeasured} non mesurés}}',
  'outcomes.notMeasured': '{notMeasured, plural, one {{notMeasured} non mesuré} other {{notMeasured} non mesurés}} {this}',
  'outcomes.none': 'aucun bilan {this}',
  'outcomes.hitRate': 'taux de réussite sur {period, select, week {{count, plural, one {la dernière semaine} other {les {count} dernières semaines}}} other {{count, plural, one {la dernière période} other {les {count} dernières périodes}}}}\u00a0: {rate}',
  'outcomes.overdue': '{count} en retard\u00a0: {keys}',
  'outcomes.pending': '{count} en attente',
  'outcomes.helped': 'qui avons-nous aidé\u00a0: {personas}',

  'journey.stage': '{stage}\u00a0: {count} {this}, {total} sur {span}',
  'journey.stageScore': '{stage}\u00a0: {count} {this}, {total} sur {span}, score {score}',
  'journey.quiet': 'Aucun travail sur {stages} depuis {span}',
  'journey.unassigned': '{count, plural, one {{count} story} other {{count} stories}} {this} sans étape',

  'epic.line': '{key}\u00a0: {count, plural, one {{count} story} other {{count} stories}}, moyenne {score}',
  'epic.linePersona': '{key}\u00a0: {count, plural, one {{count} story} other {{count} stories}}, moyenne {score}, {forPersona} sur {count} pour «\u00a0{persona}\u00a0»',
};

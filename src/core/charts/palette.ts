/**
 * Okabe–Ito's colours, told apart with every common colour-vision deficiency; the score takes the
 * deep blue and the thickest line, the outcome hit rate black and dashes, so neither depends on hue.
 */
export const PALETTE = {
  score: '#0072B2',
  who: '#E69F00',
  what: '#56B4E9',
  why: '#009E73',
  how: '#D55E00',
  see: '#CC79A7',
  done: '#999999',
  hitRate: '#000000',
} as const;

/** Score bands of the distribution: below 50, 50-79, 80 and over (the passing side). */
export const BANDS = { low: '#D55E00', middle: '#E69F00', high: '#009E73' } as const;

/** Text everywhere: DejaVu Sans ships with Centric (dejavu-fonts-ttf), so a bare container draws the same letters. */
export const FONT = 'DejaVu Sans, Verdana, sans-serif';

export const BASE_CONFIG = {
  font: FONT,
  background: 'white',
  view: { stroke: null },
  title: { fontSize: 16, fontWeight: 'bold', anchor: 'start', offset: 12 },
  axis: { labelFontSize: 12, titleFontSize: 12, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 12, titleFontSize: 12, symbolStrokeWidth: 3 },
} as const;

/** Draws docs/digest-trend.png, the chart the README shows: `npm run docs:chart` after a change to the chart. */
import { writeFileSync } from 'node:fs';
import { exampleTrend } from '../src/demo/chart-example.js';
import { trendChart } from '../src/slack/chart.js';

const target = process.argv[2] ?? 'docs/digest-trend.png';
writeFileSync(target, await trendChart('SHOP', exampleTrend(), { locale: 'en', timeZone: 'Europe/Berlin' }));
console.log(`wrote ${target}`);

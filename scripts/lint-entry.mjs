// The entry of `centric lint`'s own bundle (scripts/build-if-stale.mjs, bundleLint). Modules run in
// the order imported: zod is told to parse without compiling before any schema is used.
import './zod-jitless.mjs';

export { main } from '../dist/cli.js';

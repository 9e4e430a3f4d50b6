// Imported first by `centric lint`'s bundle (scripts/lint-entry.mjs): the command parses its
// configuration once, and zod's compiled parsers (made with new Function, so never in V8's code
// cache) cost that one parse more than they save. The bot, which parses every webhook, keeps them.
import { config } from 'zod';

config({ jitless: true });

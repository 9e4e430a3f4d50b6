import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOT_NODE_FLAGS } from '../../src/demo/run.js';

const root = resolve(import.meta.dirname, '../..');

describe('the bot starts with the same V8 flags everywhere', () => {
  it('npm start, the Docker image and the demo (and npm run load) pass the same flags to node', () => {
    const start = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
    expect(start).toBe(`node ${BOT_NODE_FLAGS} dist/main.js`);
    expect(readFileSync(resolve(root, 'Dockerfile'), 'utf8')).toContain(`CMD ["node", ${BOT_NODE_FLAGS.split(' ').map((f) => JSON.stringify(f)).join(', ')}, "dist/main.js"]`);
  });
});

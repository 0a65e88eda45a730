#!/usr/bin/env node
// Runs a TypeScript file through tsx's ESM loader: `node bin/run-ts.mjs FILE.ts [args...]`
// (used by `npm run bench` and `npm run openapi:write`). The script sees itself as process.argv[1].
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bin/run-ts.mjs FILE.ts [args...]\n');
  process.exit(2);
}
register();
const path = resolve(file);
process.argv = [process.argv[0], path, ...args];
await import(pathToFileURL(path).href);

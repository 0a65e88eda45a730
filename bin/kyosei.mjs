#!/usr/bin/env node
// The `kyosei` command: runs the TypeScript CLI (src/cli/main.ts) through tsx's ESM loader.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
const code = await run(process.argv);
// null: a long-running command (serve) keeps the process alive until a signal stops it.
if (code !== null) process.exit(code);

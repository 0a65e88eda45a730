import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EMPLOYMENT_STATUSES, ENTITY_TYPES, SITE_KINDS } from '../../web/api/types';
import { ROLES, SCOPE_TYPES } from '../roles';

type Tree = { [key: string]: string | Tree };

const here = fileURLToPath(new URL('.', import.meta.url));
const webDir = fileURLToPath(new URL('../../web', import.meta.url));
const read = (file: string): Tree => JSON.parse(readFileSync(join(here, file), 'utf8'));

/** Every leaf as [dotted key, value]. */
function leaves(tree: Tree, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v !== null && typeof v === 'object'
      ? leaves(v, `${prefix}${k}.`)
      : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const namespaces = readdirSync(here)
  .filter((f) => f.endsWith('.ja.json'))
  .map((f) => f.slice(0, -'.ja.json'.length));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('the ja and en catalogues', () => {
  it('come in pairs', () => {
    const en = readdirSync(here).filter((f) => f.endsWith('.en.json'));
    expect(en.map((f) => f.slice(0, -'.en.json'.length)).sort()).toEqual([...namespaces].sort());
    expect(namespaces).toContain('web');
  });

  for (const ns of namespaces) {
    it(`${ns}: have identical keys, no empty strings and the same {{variables}}`, () => {
      const ja = new Map(leaves(read(`${ns}.ja.json`)));
      const en = new Map(leaves(read(`${ns}.en.json`)));
      expect([...ja.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, value] of [...ja, ...en]) {
        expect(typeof value, key).toBe('string');
        expect((value as string).trim(), key).not.toBe('');
      }
      for (const [key, value] of ja)
        expect(variables(value as string), key).toEqual(variables(en.get(key) as string));
    });
  }
});

describe('the web app', () => {
  const catalogue = new Map(
    namespaces.map((ns) => [ns, new Set(leaves(read(`${ns}.en.json`)).map(([k]) => k))]),
  );
  const exists = (key: string) => {
    const [ns, k] = key.includes(':') ? key.split(':', 2) : ['web', key];
    return catalogue.get(ns)?.has(k) ?? false;
  };

  it('uses only keys that the catalogues have', () => {
    const files = sourceFiles(webDir);
    const used: { key: string; file: string }[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*(['"])([^'"`$]+)\1/g))
        used.push({ key: m[2], file: relative(webDir, file) });
    }
    expect(used.length).toBeGreaterThan(100);
    const missing = used.filter((u) => !exists(u.key)).map((u) => `${u.file}: ${u.key}`);
    expect(missing).toEqual([]);
  });

  it('has a label for every role, scope, employment status, site kind and audited record type', () => {
    const families: [string, readonly string[]][] = [
      ['role', ROLES],
      ['scopeType', SCOPE_TYPES],
      ['employmentStatus', EMPLOYMENT_STATUSES],
      ['siteKind', SITE_KINDS],
      ['audit.entity', ENTITY_TYPES],
    ];
    const missing = families
      .flatMap(([prefix, values]) => values.map((v) => `${prefix}.${v}`))
      .filter((k) => !exists(k));
    expect(missing).toEqual([]);
  });
});

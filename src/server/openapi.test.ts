import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILE, openApiText } from '../../scripts/write-openapi.js';
import type { Database } from './db/client.js';
import { openTestDatabase } from './test/db.js';
import { buildTestApp } from './test/factories.js';

type Operation = {
  summary?: string;
  tags?: string[];
  parameters?: { in: string; name: string }[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components: object };

let database: Database;
let app: FastifyInstance;
let text: string;
let doc: Document;

/** Every `$ref` in a JSON value. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database);
  text = await openApiText(database);
  doc = JSON.parse(text);
});

describe('the OpenAPI document', () => {
  it('matches the committed docs/api/openapi.json', () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    if (committed !== text) {
      const paths = (t: string) => Object.keys(JSON.parse(t).paths).sort();
      const added = paths(text).filter((p) => !paths(committed).includes(p));
      const removed = paths(committed).filter((p) => !paths(text).includes(p));
      throw new Error(
        'docs/api/openapi.json is out of date with the routes: run `npm run openapi:write` and commit it' +
          (added.length || removed.length
            ? ` (new: ${added.join(', ') || '-'}; gone: ${removed.join(', ') || '-'})`
            : ''),
      );
    }
  });

  it('is OpenAPI 3.1 with a summary and tags on every operation and declared path parameters', () => {
    expect(doc.openapi).toBe('3.1.0');
    const problems: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      const declared = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        if (!op.summary) problems.push(`${where}: no summary`);
        if (!op.tags?.length) problems.push(`${where}: no tags`);
        if (!op.responses?.default?.content?.['application/problem+json'])
          problems.push(`${where}: no problem response`);
        const params = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        if (params.sort().join() !== [...declared].sort().join())
          problems.push(`${where}: path parameters ${params}`);
      }
    }
    expect(problems).toEqual([]);
    for (const ref of refs(doc)) {
      const target = ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<any>((node, key) => node?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('is what the server serves at /api/openapi.json, without signing in', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(doc);
  });

  it('has an API reference page at /api/docs', async () => {
    let res = await app.inject({ method: 'GET', url: '/api/docs' });
    for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops++) {
      const next = new URL(String(res.headers.location), 'http://localhost/api/docs/').pathname;
      res = await app.inject({ method: 'GET', url: next });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/swagger/i);
  });
});

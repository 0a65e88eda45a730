import type { FastifyInstance } from 'fastify';

export type RouteEntry = { method: string; path: string };

const LINE = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([^)]*)\))?$/;

/**
 * Every route of a built app, read from Fastify's own route tree (printRoutes), hidden routes too:
 * what a test that must cover every route iterates. Paths keep Fastify's `:param` form.
 */
export function listRoutes(app: FastifyInstance): RouteEntry[] {
  const stack: string[] = [];
  const out: RouteEntry[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = LINE.exec(line.trimEnd());
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    const path = stack.join('');
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) {
      if (method && method !== 'HEAD') out.push({ method, path });
    }
  }
  return out;
}

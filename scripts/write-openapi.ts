import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { type Database, openPglite } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';

/** Where the committed OpenAPI document lives. */
export const OPENAPI_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'docs',
  'api',
  'openapi.json',
);

/**
 * The OpenAPI 3.1 document of the API as the built app serves it at /api/openapi.json, as the text that
 * is committed (pretty JSON, final newline). Uses the given database, or a fresh in-memory PGlite.
 */
export async function openApiText(database?: Database): Promise<string> {
  const db = database ?? (await openPglite());
  try {
    if (!database) await migrate(db);
    // No web build: the document never depends on whether the web app was built.
    const app = await buildApp({ config: testConfig({ KYOSEI_WEB_DIST: './.no-web' }), database: db });
    await app.ready();
    const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    return text;
  } finally {
    if (!database) await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const text = await openApiText();
  mkdirSync(dirname(OPENAPI_FILE), { recursive: true });
  writeFileSync(OPENAPI_FILE, text);
  const paths = Object.keys(JSON.parse(text).paths).length;
  console.log(`wrote ${OPENAPI_FILE} (${paths} paths)`);
}

import { type APIRequestContext, request } from 'playwright-core';
import { inject } from 'vitest';
import type { Locale } from './i18n.js';

export const DEMO_ACCOUNTS = {
  org_admin: 'admin@demo.example',
  csr_manager: 'csr@demo.example',
  program_manager: 'program@demo.example',
  promoter: 'promoter@demo.example',
  finance: 'finance@demo.example',
  auditor: 'auditor@demo.example',
  employee: 'employee@demo.example',
} as const;

export type DemoRole = keyof typeof DEMO_ACCOUNTS;
export type StorageState = Awaited<ReturnType<APIRequestContext['storageState']>>;
/** A signed-in session as the global setup hands it to the specs. */
export type SessionState = { state: StorageState; csrfToken: string };

/**
 * Signs in through the API (POST /api/auth/login). The global setup does this once per account and
 * server, so that the login rate limit (20 a minute) is spent on the sign-ins that specs test.
 */
export async function signInApi(baseURL: string, email: string, password: string): Promise<SessionState> {
  const ctx = await request.newContext({ baseURL });
  try {
    const res = await ctx.post('/api/auth/login', { data: { email, password } });
    if (!res.ok()) throw new Error(`sign-in as ${email} failed: ${res.status()} ${await res.text()}`);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { state: await ctx.storageState(), csrfToken };
  } finally {
    await ctx.dispose();
  }
}

/** The key under which the global setup provides a session. */
export const sessionKey = (baseURL: string, email: string) => `${baseURL} ${email}`;

export type ApiSession = {
  /** Cookies a browser context can start from (storageState). */
  state: StorageState;
  /** Calls the API with this session (JSON in and out; the CSRF token on changes); throws unless 2xx. */
  call: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
};

const cache = new Map<string, Promise<ApiSession>>();

/** The session the global setup opened for this server and account. */
export function sessionFor(baseURL: string, email: string): Promise<ApiSession> {
  const key = sessionKey(baseURL, email);
  let session = cache.get(key);
  if (!session) {
    const given = inject('sessions')[key];
    if (!given) throw new Error(`the global setup opened no session for ${email} on ${baseURL}`);
    session = open(baseURL, given);
    cache.set(key, session);
  }
  return session;
}

/** Signs a new account in through the API (one sign-in: mind the rate limit of 20 a minute). */
export async function newSession(baseURL: string, email: string, password: string): Promise<ApiSession> {
  return open(baseURL, await signInApi(baseURL, email, password));
}

async function open(baseURL: string, { state, csrfToken }: SessionState): Promise<ApiSession> {
  const ctx = await request.newContext({ baseURL, storageState: state });
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await ctx.fetch(path, {
      method,
      data: body,
      headers: { 'x-csrf-token': csrfToken, 'accept-language': 'en' },
    });
    if (!r.ok()) throw new Error(`${method} ${path}: ${r.status()} ${await r.text()}`);
    return (r.status() === 204 ? null : await r.json()) as T;
  };
  return { state, call };
}

/** Sets the signed-in user's language (what the app shows after sign-in). */
export async function setUserLocale(session: ApiSession, locale: Locale): Promise<void> {
  await session.call('PATCH', '/api/me', { locale });
}

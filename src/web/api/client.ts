import { i18n } from '../i18n';

/** One offending input of a refused request, with the server's message in the UI language. */
export type FieldProblem = { path: string; code: string; message: string };

/** The RFC 9457 problem+json body every API error carries. */
export type Problem = {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail: string;
  requestId?: string;
  fields: FieldProblem[];
};

/** A refused or failed API call. `detail` is already in the UI language (the server translates it). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fields: FieldProblem[];
  readonly requestId?: string;

  constructor(problem: Problem) {
    super(problem.detail || problem.code);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.fields = problem.fields ?? [];
    this.requestId = problem.requestId;
  }
}

/** A page of a list endpoint. */
export type Page<T> = { items: T[]; total: number; page: number; size: number };

type Query = Record<string, string | number | boolean | null | undefined>;
type Options = { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; body?: unknown; query?: Query };

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from the sign-in answer or GET /api/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** `/api/x?a=1` with the empty values left out. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function problemOf(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = (await res.json().catch(() => null)) as Partial<Problem> | null;
    if (body?.code) return { ...body, status: res.status, fields: body.fields ?? [] } as Problem;
  }
  return {
    status: res.status,
    code: res.status >= 500 ? 'internal' : 'bad_request',
    detail: i18n.t('failure.http', { status: res.status }),
    fields: [],
  };
}

/** Calls the API: JSON in and out, the session cookie, CSRF token and UI language; throws ApiError. */
export async function api<T>(path: string, options: Options = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.language === 'en' ? 'en' : 'ja',
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network', detail: i18n.t('failure.network'), fields: [] });
  }
  if (!res.ok) throw new ApiError(await problemOf(res));
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** The message to show for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  return i18n.t('failure.unexpected');
}

/** Server field problems as a `{ path: message }` map for a Mantine form's setErrors. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.fields.filter((f) => f.path).map((f) => [f.path, f.message]));
}

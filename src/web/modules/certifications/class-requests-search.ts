import { CLASS_REQUEST_STATUSES, type ClassRequestStatus } from './certifications.api';

// The coordinators' list keeps its filter, page and the open request in the URL (see search-params.ts).

const whole = (v: unknown, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
};

export type ClassRequestsSearch = { status?: ClassRequestStatus; id?: string; page?: number; size?: number };

export function parseClassRequestsSearch(s: Record<string, unknown>): ClassRequestsSearch {
  return {
    status: CLASS_REQUEST_STATUSES.includes(s.status as ClassRequestStatus)
      ? (s.status as ClassRequestStatus)
      : undefined,
    id: typeof s.id === 'string' && /^[0-9a-f-]{36}$/i.test(s.id) ? s.id : undefined,
    page: whole(s.page),
    size: whole(s.size, 200),
  };
}

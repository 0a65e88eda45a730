import type { EmploymentStatus, Role } from './api/types';
import { EMPLOYMENT_STATUSES } from './api/types';
import { ROLES } from '../shared/roles';

// Every list screen keeps its filters in the URL, so a filtered list can be bookmarked and shared.
// The router's default parser turns "123" into a number, so every text value is read back as a string.

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const whole = (v: unknown, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
};
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined =>
  allowed.includes(v as T) ? (v as T) : undefined;
const isoDate = (v: unknown): string | undefined =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;

export type PagedSearch = { q?: string; page?: number; size?: number; sort?: string };

export type EmployeesSearch = PagedSearch & {
  companyId?: string;
  siteId?: string;
  status?: EmploymentStatus;
};

export function parseEmployeesSearch(s: Record<string, unknown>): EmployeesSearch {
  return {
    q: text(s.q),
    companyId: text(s.companyId),
    siteId: text(s.siteId),
    status: oneOf(s.status, EMPLOYMENT_STATUSES),
    page: whole(s.page),
    size: whole(s.size, 200),
    sort: text(s.sort),
  };
}

export type UsersSearch = PagedSearch & { role?: Role };

export function parseUsersSearch(s: Record<string, unknown>): UsersSearch {
  return { q: text(s.q), role: oneOf(s.role, ROLES), page: whole(s.page), size: whole(s.size, 200) };
}

export type ByCompanySearch = PagedSearch & { companyId?: string };

export function parseByCompanySearch(s: Record<string, unknown>): ByCompanySearch {
  return {
    q: text(s.q),
    companyId: text(s.companyId),
    page: whole(s.page),
    size: whole(s.size, 200),
    sort: text(s.sort),
  };
}

export type AuditSearch = { entityType?: string; action?: string; from?: string; to?: string };

export function parseAuditSearch(s: Record<string, unknown>): AuditSearch {
  return { entityType: text(s.entityType), action: text(s.action), from: isoDate(s.from), to: isoDate(s.to) };
}

/** Only a path inside this app may be a redirect target after sign-in. */
export function parseSignInSearch(s: Record<string, unknown>): { redirect?: string } {
  const r = text(s.redirect);
  return { redirect: r?.startsWith('/') && !r.startsWith('//') ? r : undefined };
}

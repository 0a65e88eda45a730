import { FIELDS } from '../../../shared/fields';
import type { VolunteersSearch } from './registrations.api';

// The volunteer list keeps its filters in the URL, like every list screen (see src/web/search-params.ts).
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const whole = (v: unknown, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
};
const isoDate = (v: unknown): string | undefined =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined =>
  allowed.includes(v as T) ? (v as T) : undefined;

export function parseVolunteersSearch(s: Record<string, unknown>): VolunteersSearch {
  return {
    q: text(s.q),
    companyId: text(s.companyId),
    siteId: text(s.siteId),
    field: oneOf(s.field, FIELDS),
    skill: text(s.skill),
    status: oneOf(s.status, ['active', 'left'] as const),
    joinedFrom: isoDate(s.joinedFrom),
    joinedTo: isoDate(s.joinedTo),
    page: whole(s.page),
    size: whole(s.size, 200),
    sort: text(s.sort),
  };
}

import { FIELDS, type Field } from '../../../shared/fields';
import type { PagedSearch } from '../../search-params';
import { PARTNER_KINDS, PARTNER_STATUSES, type PartnerKind, type PartnerStatus } from './partners.api';

// The list keeps its filters in the URL like every list (see search-params.ts).

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const whole = (v: unknown, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
};
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined =>
  allowed.includes(v as T) ? (v as T) : undefined;

export type PartnersSearch = PagedSearch & {
  kind?: PartnerKind;
  field?: Field;
  status?: PartnerStatus;
  eligible?: 'true' | 'false';
};

export function parsePartnersSearch(s: Record<string, unknown>): PartnersSearch {
  return {
    q: text(s.q),
    kind: oneOf(s.kind, PARTNER_KINDS),
    field: oneOf(s.field, FIELDS),
    status: oneOf(s.status, PARTNER_STATUSES),
    eligible: oneOf(typeof s.eligible === 'boolean' ? String(s.eligible) : s.eligible, [
      'true',
      'false',
    ] as const),
    page: whole(s.page),
    size: whole(s.size, 200),
    sort: text(s.sort),
  };
}

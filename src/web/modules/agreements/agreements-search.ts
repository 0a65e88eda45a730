import type { PagedSearch } from '../../search-params';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementStatus,
} from './agreements.api';

// The list keeps its filters in the URL like every list (see search-params.ts).

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const whole = (v: unknown, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
};
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined =>
  allowed.includes(v as T) ? (v as T) : undefined;

export type AgreementsSearch = PagedSearch & { kind?: AgreementKind; status?: AgreementStatus };

export function parseAgreementsSearch(s: Record<string, unknown>): AgreementsSearch {
  return {
    q: text(s.q),
    kind: oneOf(s.kind, AGREEMENT_KINDS),
    status: oneOf(s.status, AGREEMENT_STATUSES),
    page: whole(s.page),
    size: whole(s.size, 200),
    sort: text(s.sort),
  };
}

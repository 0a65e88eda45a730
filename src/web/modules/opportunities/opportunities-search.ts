import { FIELDS, type Field } from '../../../shared/fields';
import {
  OPPORTUNITY_MODES,
  OPPORTUNITY_STATUSES,
  type OpportunityMode,
  type OpportunityStatus,
} from '../../../shared/volunteering';
import type { PagedSearch } from '../../search-params';

// The opportunity lists keep their filters in the URL like every list (see search-params.ts).

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
const prefecture = (v: unknown): string | undefined => {
  const s = text(v)?.padStart(2, '0');
  return s && /^(0[1-9]|[1-3][0-9]|4[0-7])$/.test(s) ? s : undefined;
};

export type FindTab = 'all' | 'recommended';

export type OpportunitiesSearch = PagedSearch & {
  tab?: FindTab;
  field?: Field;
  mode?: OpportunityMode;
  from?: string;
  to?: string;
  prefecture?: string;
  region?: string;
  skill?: string;
  past?: boolean;
};

export function parseOpportunitiesSearch(s: Record<string, unknown>): OpportunitiesSearch {
  return {
    tab: oneOf(s.tab, ['all', 'recommended'] as const),
    q: text(s.q),
    field: oneOf(s.field, FIELDS),
    mode: oneOf(s.mode, OPPORTUNITY_MODES),
    from: isoDate(s.from),
    to: isoDate(s.to),
    prefecture: prefecture(s.prefecture),
    region: text(s.region),
    skill: text(s.skill),
    past: s.past === true || s.past === 'true' ? true : undefined,
    page: whole(s.page),
    size: whole(s.size, 200),
  };
}

export type ManageSearch = PagedSearch & { status?: OpportunityStatus; companyId?: string };

export function parseManageSearch(s: Record<string, unknown>): ManageSearch {
  return {
    q: text(s.q),
    status: oneOf(s.status, OPPORTUNITY_STATUSES),
    companyId: text(s.companyId),
    page: whole(s.page),
    size: whole(s.size, 200),
    sort: text(s.sort),
  };
}

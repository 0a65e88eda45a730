import type { PagedSearch } from '../../search-params';
import {
  PROGRAM_FRAMEWORKS,
  PROGRAM_STATUSES,
  type ProgramFramework,
  type ProgramStatus,
} from './programs.api';

// The list keeps its filters in the URL like every list (see search-params.ts).

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const whole = (v: unknown, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
};
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined =>
  allowed.includes(v as T) ? (v as T) : undefined;

export type ProgramsSearch = PagedSearch & {
  status?: ProgramStatus;
  framework?: ProgramFramework;
  companyId?: string;
};

export function parseProgramsSearch(s: Record<string, unknown>): ProgramsSearch {
  return {
    q: text(s.q),
    status: oneOf(s.status, PROGRAM_STATUSES),
    framework: oneOf(s.framework, PROGRAM_FRAMEWORKS),
    companyId: text(s.companyId),
    page: whole(s.page),
    size: whole(s.size, 200),
    sort: text(s.sort),
  };
}

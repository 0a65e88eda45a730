import type { PagedSearch } from '../../search-params';
import { CAMPAIGN_STATUSES, type CampaignStatus } from './campaigns.api';

// The campaign lists keep their filters in the URL like every list (see search-params.ts).

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const whole = (v: unknown, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
};

export type CampaignsSearch = PagedSearch;

export function parseCampaignsSearch(s: Record<string, unknown>): CampaignsSearch {
  return { q: text(s.q), page: whole(s.page), size: whole(s.size, 200) };
}

export type ManageCampaignsSearch = PagedSearch & { status?: CampaignStatus; companyId?: string };

export function parseManageCampaignsSearch(s: Record<string, unknown>): ManageCampaignsSearch {
  return {
    q: text(s.q),
    status: CAMPAIGN_STATUSES.includes(s.status as CampaignStatus) ? (s.status as CampaignStatus) : undefined,
    companyId: text(s.companyId),
    page: whole(s.page),
    size: whole(s.size, 200),
    sort: text(s.sort),
  };
}

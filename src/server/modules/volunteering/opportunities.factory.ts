import type { Ctx } from '../../lib/context.js';
import type { TestOrg } from '../../test/factories.js';
import type { Opportunity, OpportunityCreate } from './opportunities.schema.js';
import { createOpportunity, publishOpportunity } from './opportunities.service.js';

const DAY = 86_400_000;

/** An ISO instant `days` from now at a whole hour (UTC), for shifts in tests. */
export function daysFromNow(days: number, hourUtc = 1): string {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
}

/**
 * A valid opportunity of the test organisation's Japanese company at its Tokyo site: on site in
 * Tokyo, one shift of 10 seats a week from now. Tests and other modules override what they need.
 */
export function opportunityInput(org: TestOrg, over: Partial<OpportunityCreate> = {}): OpportunityCreate {
  return {
    companyId: org.companies.jp,
    siteId: org.sites.tokyo,
    titleJa: '海岸清掃ボランティア',
    titleEn: 'Beach clean-up',
    descriptionJa: '砂浜のごみを拾います。',
    descriptionEn: 'We pick up litter on the beach.',
    organiser: 'CSR推進部',
    partnerName: null,
    field: 'environment',
    sdgs: [14],
    mode: 'on_site',
    address: '品川区',
    prefecture: '13',
    region: null,
    onlineUrl: null,
    signupDeadline: null,
    cancelDeadline: null,
    requiredSkills: [],
    familyAllowed: false,
    transportByPoints: false,
    visibility: 'group',
    visibleCompanyIds: [],
    shifts: [{ startsAt: daysFromNow(7, 1), endsAt: daysFromNow(7, 4), capacity: 10 }],
    ...over,
  };
}

/** Creates (and by default publishes) an opportunity through the service, as `ctx`. */
export async function postOpportunity(
  ctx: Ctx,
  org: TestOrg,
  over: Partial<OpportunityCreate> = {},
  { publish = true } = {},
): Promise<Opportunity> {
  const created = await createOpportunity(ctx, opportunityInput(org, over));
  return publish ? publishOpportunity(ctx, created.id) : created;
}

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import { buildEmployeeRow, createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { employees } from '../people/people.table.js';
import { daysFromNow, postOpportunity } from './opportunities.factory.js';
import { OpportunityListQuerySchema, type OpportunityListQuery } from './opportunities.schema.js';
import { listOpportunities } from './opportunities.search.js';
import { completeOpportunity, getOpportunity } from './opportunities.service.js';
import { signups, volunteerRegistrations, volunteerSkills } from './volunteering.table.js';

let database: Database;
let org: TestOrg;
let csr: Ctx;
let jpEmployee: Ctx;
let usEmployee: Ctx;
const ids: Record<string, string> = {};

type User = Extract<Ctx['actor'], { kind: 'user' }>;
const asUser = (ctx: Ctx, patch: Partial<User>): Ctx => ({
  ...ctx,
  actor: { ...(ctx.actor as User), ...patch },
});

/** The names (keys of ids) of what a search returns, in order. */
async function find(ctx: Ctx, query: Partial<Record<keyof OpportunityListQuery, string>>) {
  const page = await listOpportunities(ctx, OpportunityListQuerySchema.parse({ size: 100, ...query }));
  const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  return page.items.map((i) => names[i.id] ?? i.id);
}

/** The UTC instant of a local wall-clock time in Tokyo (UTC+9, no daylight saving). */
const tokyo = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`).toISOString();
const day = (offset: number) => daysFromNow(offset).slice(0, 10);

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'SRCH');
  csr = await ctxAs(database, org, 'csr_manager');
  jpEmployee = await ctxAs(database, org, 'employee');
  const [us] = await database.db
    .insert(employees)
    .values(buildEmployeeRow(org.orgId, org.companies.us, 901, { employeeNumber: 'US-901' }))
    .returning();
  usEmployee = asUser(jpEmployee, { employeeId: us.id });
  await database.db
    .insert(volunteerSkills)
    .values({ orgId: org.orgId, code: 'it', nameJa: 'IT', nameEn: 'IT' });
  const post = async (name: string, over: Parameters<typeof postOpportunity>[2], publish = true) => {
    ids[name] = (await postOpportunity(csr, org, over, { publish })).id;
  };
  await post('beach', {});
  await post('cafeteria', {
    siteId: null,
    titleJa: '子ども食堂の配膳',
    titleEn: 'Serving at a children’s cafeteria',
    descriptionJa: '夕食を配ります。',
    descriptionEn: 'We serve dinner.',
    field: 'welfare_diversity',
    prefecture: '27',
    address: null,
    shifts: [{ startsAt: daysFromNow(20), endsAt: daysFromNow(20, 3), capacity: 5 }],
  });
  await post('coding', {
    titleJa: 'プログラミング教室',
    titleEn: 'Coding class for kids',
    descriptionJa: '小学生に教えます。',
    descriptionEn: 'Teach primary school pupils.',
    field: 'education_culture_sports',
    mode: 'online',
    onlineUrl: 'https://meet.example/coding',
    prefecture: null,
    requiredSkills: ['it'],
    shifts: [{ startsAt: daysFromNow(14), endsAt: daysFromNow(14, 2), capacity: 2 }],
  });
  await post('foodbank', {
    companyId: org.companies.us,
    siteId: org.sites.texas,
    titleJa: 'フードバンク仕分け',
    titleEn: 'Food bank sorting',
    prefecture: null,
    region: 'Texas',
    visibility: 'companies',
    visibleCompanyIds: [org.companies.us],
    shifts: [{ startsAt: daysFromNow(8), endsAt: daysFromNow(8, 3), capacity: 4 }],
  });
  await post('draft', { titleJa: 'メタセコイア植樹', titleEn: 'Tree planting' }, false);
  await post('history', { titleJa: '河川敷清掃', titleEn: 'Riverbank clean-up' });
  await completeOpportunity(csr, ids.history);
  const d = day(40);
  await post('midnight', {
    titleJa: '深夜の星空観察',
    titleEn: 'Stargazing',
    descriptionJa: '星を見ます。',
    descriptionEn: 'We watch the stars.',
    shifts: [{ startsAt: tokyo(d, '00:30'), endsAt: tokyo(d, '02:30'), capacity: 3 }],
  });
  await post('chicago', {
    companyId: org.companies.us,
    siteId: org.sites.texas,
    titleJa: '夜の読み聞かせ',
    titleEn: 'Evening reading',
    descriptionJa: '絵本を読みます。',
    descriptionEn: 'We read picture books.',
    prefecture: null,
    region: 'Texas',
    // 23:00 in Chicago (daylight saving or not) is already the next day in UTC.
    shifts: [
      {
        startsAt: new Date(`${d}T23:00:00${chicagoOffset(d)}`).toISOString(),
        endsAt: new Date(new Date(`${d}T23:00:00${chicagoOffset(d)}`).getTime() + 3_600_000).toISOString(),
        capacity: 3,
      },
    ],
  });
});

/** America/Chicago's UTC offset on a day, as -05:00 or -06:00. */
function chicagoOffset(date: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')!.value;
  return name.replace('GMT', '');
}

describe('opportunity search', () => {
  it('finds Japanese words of two characters in kanji or kana, in titles and descriptions', async () => {
    expect(await find(jpEmployee, { q: '清掃' })).toEqual(['beach']);
    expect(await find(jpEmployee, { q: '砂浜' })).toEqual(['beach']);
    expect(await find(jpEmployee, { q: 'プログラ' })).toEqual(['coding']);
    expect(await find(jpEmployee, { q: 'ぷろぐらみんぐ' })).toEqual(['coding']);
    expect(await find(jpEmployee, { q: '食堂' })).toEqual(['cafeteria']);
    expect(await find(jpEmployee, { q: '食' })).toEqual(['cafeteria']);
    expect(await find(jpEmployee, { q: '清掃', status: 'completed' })).toEqual(['history']);
  });

  it('finds English words whatever their case or width, and the organiser', async () => {
    expect(await find(jpEmployee, { q: 'clean' })).toEqual(['beach']);
    expect(await find(jpEmployee, { q: 'CAFETERIA' })).toEqual(['cafeteria']);
    expect(await find(jpEmployee, { q: 'ｃｏｄｉｎｇ' })).toEqual(['coding']);
    expect(await find(jpEmployee, { q: 'CSR推進' })).toHaveLength(5);
    expect(await find(jpEmployee, { q: 'zz' })).toEqual([]);
  });

  it('filters by field, mode, prefecture, region, skill and company', async () => {
    expect(await find(jpEmployee, { field: 'welfare_diversity' })).toEqual(['cafeteria']);
    expect(await find(jpEmployee, { mode: 'online' })).toEqual(['coding']);
    expect(await find(jpEmployee, { prefecture: '27' })).toEqual(['cafeteria']);
    expect(await find(jpEmployee, { skill: 'it' })).toEqual(['coding']);
    expect(await find(usEmployee, { region: 'texas' })).toEqual(['foodbank', 'chicago']);
    expect(await find(jpEmployee, { companyId: org.companies.us })).toEqual(['chicago']);
  });

  it('filters by days in each opportunity’s own time zone', async () => {
    const d = day(40);
    const before = day(39);
    const after = day(41);
    expect(await find(jpEmployee, { from: d, to: d })).toEqual(['midnight', 'chicago']);
    expect(await find(jpEmployee, { from: before, to: before })).toEqual([]);
    expect(await find(jpEmployee, { from: after })).toEqual([]);
    expect(await find(jpEmployee, { to: day(8) })).toEqual(['beach']);
    expect(await find(jpEmployee, { from: day(13), to: day(21) })).toEqual(['coding', 'cafeteria']);
  });

  it('shows employees what is published and open to their company, soonest first', async () => {
    expect(await find(jpEmployee, {})).toEqual(['beach', 'coding', 'cafeteria', 'midnight', 'chicago']);
    expect(await find(usEmployee, {})).toEqual([
      'beach',
      'foodbank',
      'coding',
      'cafeteria',
      'midnight',
      'chicago',
    ]);
    expect(await find(jpEmployee, { status: 'draft' })).toEqual([]);
    const page = await listOpportunities(jpEmployee, OpportunityListQuerySchema.parse({ size: 2, page: 2 }));
    expect(page).toMatchObject({ total: 5, totalExact: true });
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ companyCode: 'JP01', seatsLeft: 5, capacity: 5, shiftCount: 1 });
  });

  it('lists for organisers what their scope runs, drafts included', async () => {
    expect(await find(csr, { mine: 'true', status: 'draft' })).toEqual(['draft']);
    const texasPromoter = asUser(csr, {
      grants: [{ role: 'promoter', scopeType: 'site', companyId: null, siteId: org.sites.texas }],
    });
    expect(await find(texasPromoter, { mine: 'true' })).toEqual(['foodbank', 'chicago']);
    expect(await find(jpEmployee, { mine: 'true' })).toEqual([]);
  });
  it('needs a shift inside the range, not just a span around it', async () => {
    ids.gappy = (
      await postOpportunity(csr, org, {
        titleJa: '月例の公園清掃',
        shifts: [
          { startsAt: daysFromNow(50), endsAt: daysFromNow(50, 3), capacity: 3 },
          { startsAt: daysFromNow(60), endsAt: daysFromNow(60, 3), capacity: 3 },
        ],
      })
    ).id;
    expect(await find(jpEmployee, { q: '公園', from: day(54), to: day(56) })).toEqual([]);
    expect(await find(jpEmployee, { q: '公園', from: day(54), to: day(60) })).toEqual(['gappy']);
    expect(await find(jpEmployee, { q: '公園', from: day(50), to: day(50) })).toEqual(['gappy']);
    expect(await find(jpEmployee, { q: '公園', from: day(61) })).toEqual([]);
    expect(await find(jpEmployee, { q: '公園', to: day(49) })).toEqual([]);
  });
});

describe('recommended for you', () => {
  let rec: TestOrg;
  let me: Ctx;
  const names: Record<string, string> = {};

  beforeAll(async () => {
    rec = await createTestOrg(database, 'RECO');
    const organiser = await ctxAs(database, rec, 'csr_manager');
    me = await ctxAs(database, rec, 'employee');
    await database.db
      .insert(volunteerSkills)
      .values({ orgId: rec.orgId, code: 'it', nameJa: 'IT', nameEn: 'IT' });
    await database.db.insert(volunteerRegistrations).values({
      orgId: rec.orgId,
      employeeId: rec.users.employee.employeeId,
      joinedOn: '2024-04-01',
      interestFields: ['environment', 'education_culture_sports'],
      skills: ['it'],
      prefecture: '13',
      onlineOk: true,
      availability: ['weekend'],
    });
    // A Monday a week or more ahead; its Saturday. 10:00 in Tokyo either way.
    const monday = new Date(Date.now() + 7 * 86_400_000);
    while (monday.getUTCDay() !== 1) monday.setUTCDate(monday.getUTCDate() + 1);
    const at = (offset: number) => {
      const d = new Date(monday);
      d.setUTCDate(d.getUTCDate() + offset);
      return tokyo(d.toISOString().slice(0, 10), '10:00');
    };
    const shift = (offset: number) => [
      {
        startsAt: at(offset),
        endsAt: new Date(Date.parse(at(offset)) + 7_200_000).toISOString(),
        capacity: 5,
      },
    ];
    const post = async (name: string, over: Parameters<typeof postOpportunity>[2], publish = true) => {
      const o = await postOpportunity(organiser, rec, { titleEn: name, ...over }, { publish }).catch((e) => {
        throw new Error(`${name}: ${JSON.stringify(e.fields)}`);
      });
      names[o.id] = name;
    };
    const online = {
      mode: 'online' as const,
      onlineUrl: 'https://meet.example/x',
      prefecture: null,
      siteId: null,
    };
    await post('D', { field: 'welfare_diversity', prefecture: '27', siteId: null, shifts: shift(0) });
    await post('C', {
      field: 'welfare_diversity',
      mode: 'hybrid',
      onlineUrl: 'https://meet.example/c',
      prefecture: '27',
      siteId: null,
      shifts: shift(1),
    });
    await post('B', { field: 'environment', shifts: shift(2) });
    await post('A', {
      field: 'education_culture_sports',
      requiredSkills: ['it'],
      ...online,
      shifts: shift(12),
    });
    await post('closed', { signupDeadline: daysFromNow(-1), shifts: shift(5) });
    await post('draft', { shifts: shift(5) }, false);
    await post('other company', {
      ...online,
      visibility: 'companies',
      visibleCompanyIds: [rec.companies.us],
      shifts: shift(5),
    });
    await post('joined', { shifts: shift(5) });
    const joined = Object.keys(names).find((id) => names[id] === 'joined')!;
    const full = await getOpportunity(organiser, joined);
    await database.db.insert(signups).values({
      orgId: rec.orgId,
      shiftId: full.shifts[0].id,
      employeeId: rec.users.employee.employeeId,
      status: 'waitlisted',
    });
  });

  it('ranks open opportunities by the profile, and says why', async () => {
    const page = await listOpportunities(me, OpportunityListQuerySchema.parse({ recommended: 'true' }));
    expect(page.items.map((i) => names[i.id])).toEqual(['A', 'B', 'C', 'D']);
    expect(page.items.map((i) => i.score)).toEqual([7, 5, 1, 0]);
    expect(page.items[0].reasons).toEqual(['field', 'skills', 'online', 'availability']);
    expect(page.items[1].reasons).toEqual(['field', 'region']);
    expect(page.items[3].reasons).toEqual([]);
  });

  it('still lists open opportunities, soonest first, for someone without a profile', async () => {
    await database.db
      .update(volunteerRegistrations)
      .set({ leftOn: '2025-01-01' })
      .where(eq(volunteerRegistrations.orgId, rec.orgId));
    const page = await listOpportunities(me, OpportunityListQuerySchema.parse({ recommended: 'true' }));
    expect(page.items.map((i) => names[i.id])).toEqual(['D', 'C', 'B', 'A']);
    expect(page.items.every((i) => i.score === 0)).toBe(true);
  });
});

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import { buildEmployeeRow, ctxAs } from '../../test/factories.js';
import { expenses } from '../accounting/accounting.table.js';
import { expenseTotals } from '../accounting/totals.js';
import { driveTotalsByYear } from '../drives/drives.results.js';
import { partnerAgreements } from '../partners/agreements.table.js';
import { employees } from '../people/people.table.js';
import { addHolder } from '../programs/certifications.service.js';
import { type CertWorld, certWorld } from '../programs/certifications.test-support.js';
import { programFigures } from '../programs/figures.js';
import { volunteerActivityTotals, volunteerRegistrations } from '../volunteering/volunteering.table.js';
import { BINDINGS } from './goals.bindings.js';
import { createMeasurer, rangeOf } from './goals.measure.js';
import { createMetric } from './goals.metrics.js';
import { putProgress } from './goals.progress.js';
import { goalsForYear } from './goals.report.js';
import { goalSource } from './goals.source.js';
import { metrics } from './goals.table.js';
import { createTarget, updateTarget } from './goals.targets.js';
import { putMetricValue } from './goals.values.js';
import { createYearlyGoal } from './goals.yearly.js';

let database: Database;
let w: CertWorld;
let csr: Ctx;
let reader: Ctx;
const ids: Record<string, string> = {};

/** Registrations: JP joins by date, plus one US registrant in fiscal 2023 (April start). */
const JOINS: [string, 'jp' | 'us'][] = [
  ['2020-12-01', 'jp'],
  ['2021-05-01', 'jp'],
  ['2021-05-02', 'jp'],
  ['2022-06-01', 'jp'],
  ['2022-06-02', 'jp'],
  ['2022-06-03', 'jp'],
  ['2023-04-10', 'jp'],
  ['2023-04-11', 'jp'],
  ['2023-04-12', 'jp'],
  ['2023-04-13', 'us'],
  ['2024-02-01', 'jp'],
];

beforeAll(async () => {
  database = await openTestDatabase();
  w = await certWorld(database, 'GOALR');
  const { org } = w;
  csr = await ctxAs(database, org, 'csr_manager');
  reader = await ctxAs(database, org, 'program_manager');
  const db = database.db;
  const people = await db
    .insert(employees)
    .values(JOINS.map(([, c], i) => buildEmployeeRow(org.orgId, org.companies[c], 500 + i)))
    .returning({ id: employees.id });
  await db
    .insert(volunteerRegistrations)
    .values(JOINS.map(([joinedOn], i) => ({ orgId: org.orgId, employeeId: people[i].id, joinedOn })));
  const totals = (fiscalYear: number, companyId: string, participants: number, minutes: number) => ({
    orgId: org.orgId,
    fiscalYear,
    companyId,
    field: 'all',
    participants,
    participations: participants,
    minutes,
  });
  await db
    .insert(volunteerActivityTotals)
    .values([
      totals(2022, org.companies.jp, 4, 240),
      totals(2023, org.companies.jp, 3, 360),
      totals(2023, org.companies.us, 2, 240),
    ]);
  const agreement = (code: string, kind: string, status: string, signedOn: string | null) => ({
    orgId: org.orgId,
    code,
    kind,
    status,
    signedOn,
    startsOn: signedOn ?? '2023-01-01',
    companyId: org.companies.jp,
    titleJa: code,
  });
  await db
    .insert(partnerAgreements)
    .values([
      agreement('A1', 'comprehensive_partnership', 'active', '2022-05-01'),
      agreement('A2', 'comprehensive_partnership', 'active', '2023-07-01'),
      agreement('A3', 'memorandum', 'active', '2023-08-01'),
      agreement('A4', 'comprehensive_partnership', 'draft', null),
    ]);
  const expense = (spentOn: string, amount: number) => ({
    orgId: org.orgId,
    companyId: org.companies.jp,
    spentOn,
    fiscalYear: 2023,
    descriptionJa: '寄付',
    type: 'cash_donation',
    valuationBasis: 'actual_cash',
    channel: 'gift',
    currency: 'JPY',
    amountMinor: amount,
    amountJpy: amount,
    keidanrenField: 'education',
  });
  await db.insert(expenses).values([expense('2023-05-01', 1_000_000), expense('2023-09-01', 500_000)]);
  await addHolder(w.manager, w.certificationId, { employeeId: w.people[0], certifiedOn: '2023-06-01' });
  await addHolder(w.manager, w.certificationId, { employeeId: w.people[1], certifiedOn: '2023-06-01' });

  const metric = async (code: string, binding: string | null, extra: object = {}) =>
    (await createMetric(csr, { code, kind: binding ? 'bound' : 'manual', binding, ...extra })).id;
  ids.reg = await metric('REG', 'volunteering.registrants', { params: { since: '2021-04-01' } });
  ids.neu = await metric('NEW', 'volunteering.new_registrants');
  ids.neuUs = await metric('NEW-US', 'volunteering.new_registrants', { scopeCompanyId: org.companies.us });
  ids.part = await metric('PART', 'volunteering.participants');
  ids.agr = await metric('AGR', 'partners.comprehensive_agreements');
  ids.co2 = await metric('CO2', null, { nameJa: 'CO2削減量', nameEn: 'CO2 saved', unitEn: 't' });
  await putMetricValue(csr, ids.co2, 2022, { value: 100, evidenceEn: 'Audit 2022' });
  await putMetricValue(csr, ids.co2, 2023, { value: 120, evidenceJa: '監査報告 2023' });

  const period = { periodStart: '2021-04-01', periodEnd: '2026-03-31' };
  ids.t1 = (
    await createTarget(csr, {
      code: 'T1',
      titleJa: '新規登録者 15人',
      titleEn: '15 new registrants',
      ...period,
      metricId: ids.reg,
      targetValue: 15,
      materiality: true,
    })
  ).id;
  ids.t2 = (
    await createTarget(csr, {
      code: 'T2',
      titleEn: 'Launching point',
      ...period,
      metricId: ids.agr,
      targetValue: 3,
      position: 1,
    })
  ).id;
  ids.t3 = (
    await createTarget(csr, {
      code: 'T3',
      titleEn: 'CO2',
      periodStart: '2022-04-01',
      periodEnd: '2025-03-31',
      metricId: ids.co2,
      targetValue: 500,
      position: 2,
    })
  ).id;
  ids.old = (
    await createTarget(csr, {
      code: 'OLD',
      titleEn: 'Old plan',
      periodStart: '2015-04-01',
      periodEnd: '2020-03-31',
    })
  ).id;
  ids.g1 = (
    await createYearlyGoal(csr, {
      fiscalYear: 2023,
      targetId: ids.t1,
      textEn: '5 new registrants',
      metricId: ids.neu,
      comparison: 'at_least',
      goalValue: 5,
    })
  ).id;
  ids.g2 = (
    await createYearlyGoal(csr, {
      fiscalYear: 2023,
      textEn: 'Participants up',
      metricId: ids.part,
      position: 1,
    })
  ).id;
  ids.g3 = (
    await createYearlyGoal(csr, {
      fiscalYear: 2023,
      textEn: 'At most 100 t',
      metricId: ids.co2,
      comparison: 'at_most',
      goalValue: 100,
      position: 2,
    })
  ).id;
  ids.g4 = (await createYearlyGoal(csr, { fiscalYear: 2023, textJa: '対話を続ける', position: 3 })).id;
  ids.next = (
    await createYearlyGoal(csr, {
      fiscalYear: 2024,
      textEn: '6 new registrants',
      metricId: ids.neu,
      goalValue: 6,
    })
  ).id;
  await putProgress(csr, ids.t1, 2023, {
    progressJa: '順調',
    progressEn: 'On course',
    achievementsEn: 'Two agreements',
  });
});

describe('goalsForYear', () => {
  it('lists the targets overlapping the year, then the year’s goals, with actuals and statuses', async () => {
    const g = await goalsForYear(reader, 2023);
    const byId = new Map(g.goals.map((l) => [l.id, l]));
    expect(g.goals.map((l) => l.id)).toEqual([ids.t1, ids.t2, ids.t3, ids.g1, ids.g2, ids.g3, ids.g4]);
    // Registrants since 2021-04-01 to 2024-03-31: 2 + 3 + 5; 3 of 5 years gone: 15 × 0.6 = 9 ≤ 10.
    expect(byId.get(ids.t1)).toMatchObject({
      kind: 'target',
      materiality: true,
      actual: 10,
      previous: 5,
      target: 15,
      status: 'on_track',
      ref: `goals.target.${ids.t1}`,
    });
    expect(byId.get(ids.t1)?.metric).toMatchObject({ code: 'REG', bound: true });
    // Agreements signed by the end of fiscal 2023: A1, A2 (not the memorandum, not the draft).
    expect(byId.get(ids.t2)).toMatchObject({ actual: 2, previous: 1, status: 'on_track' });
    // Manual, summed: 100 + 120 of 500 after 2 of 3 years → behind; its ref is null (no records).
    expect(byId.get(ids.t3)).toMatchObject({ actual: 220, status: 'behind', ref: null });
    expect(byId.get(ids.g1)).toMatchObject({
      kind: 'yearly',
      targetId: ids.t1,
      materiality: true,
      actual: 5,
      previous: 3,
      status: 'achieved',
    });
    expect(byId.get(ids.g2)).toMatchObject({
      comparison: 'increase',
      actual: 5,
      previous: 4,
      status: 'achieved',
    });
    expect(byId.get(ids.g3)).toMatchObject({ actual: 120, previous: 100, status: 'not_achieved' });
    expect(byId.get(ids.g4)).toMatchObject({
      comparison: 'none',
      actual: null,
      status: 'reported',
      ref: null,
    });
    expect(g.nextYearGoals.map((l) => [l.id, l.fiscalYear, l.actual, l.previous])).toEqual([
      [ids.next, 2024, 0, 5],
    ]);
    expect(g.progress).toEqual([
      expect.objectContaining({
        targetId: ids.t1,
        progressJa: '順調',
        progressEn: 'On course',
        issuesJa: null,
      }),
    ]);
  });

  it('reads the manual metric’s latest value when the target says so', async () => {
    await updateTarget(csr, ids.t3, { accumulation: 'latest' });
    const g = await goalsForYear(reader, 2023);
    expect(g.goals.find((l) => l.id === ids.t3)).toMatchObject({ actual: 120 });
    await updateTarget(csr, ids.t3, { accumulation: 'sum' });
  });

  it('resolves each goal ref to its binding, params and range', async () => {
    const s = await goalSource(reader, 2023, `goals.target.${ids.t1}`);
    expect(s).toMatchObject({ binding: 'volunteering.registrants', params: { since: '2021-04-01' } });
    expect(s?.range).toMatchObject({
      start: '2021-04-01',
      end: '2024-03-31',
      fromYear: 2021,
      startYear: 2023,
    });
    expect(await goalSource(reader, 2023, `goals.yearly.${ids.g4}`)).toBeNull();
    expect(await goalSource(reader, 2023, 'goals.target.nope')).toBeNull();
  });
});

describe('bindings', () => {
  const year = rangeOf('2023-04-01', '2024-03-31', 4, '2026-11-21');
  const compute = (key: string, params: object = {}, company: string | null = null) =>
    BINDINGS[key].compute({ ...reader, actor: { kind: 'system', label: 't' } }, year, params, company);

  it('count volunteers in the group or one company', async () => {
    expect(await compute('volunteering.new_registrants')).toBe(5);
    expect(await compute('volunteering.new_registrants', {}, w.org.companies.us)).toBe(1);
    expect(await compute('volunteering.participants')).toBe(5);
    expect(await compute('volunteering.participants_change')).toBe(1);
    expect(await compute('volunteering.hours')).toBe(10);
    expect(await compute('volunteering.hours', {}, w.org.companies.us)).toBe(4);
  });

  it('read the modules’ own figures: expenses, drives, programs, certifications', async () => {
    const totals = await expenseTotals(reader, 2023);
    expect(await compute('expenses.total')).toBe(totals.totalJpy);
    expect(totals.totalJpy).toBe(1_500_000);
    expect(await compute('drives.total_jpy')).toBe((await driveTotalsByYear(reader, 2023)).valueJpy);
    const f = await programFigures(w.manager, w.programId, { from: 2023, to: 2023 });
    expect(await compute('programs.sessions', { programCode: 'ENET' })).toBe(f.years[0].sessions);
    expect(await compute('programs.graduates', { programCode: 'ENET' })).toBe(f.years[0].graduates);
    expect(await compute('certifications.certified', { certificationCode: 'ENET-INSTRUCTOR' })).toBe(2);
    expect(await compute('partners.comprehensive_agreements')).toBe(1);
  });

  it('measure a target over several fiscal years, once per metric and range', async () => {
    const [m] = await database.db.select().from(metrics).where(eq(metrics.id, ids.neu));
    const measure = createMeasurer(reader, [m]);
    const plan = rangeOf('2021-04-01', '2024-03-31', 4, '2026-11-21');
    expect(plan).toMatchObject({ fromYear: 2021, startYear: 2023 });
    expect(await measure(m, plan)).toBe(10);
  });
});

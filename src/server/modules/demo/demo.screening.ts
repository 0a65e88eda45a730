import { sql } from 'drizzle-orm';
import { addDays, addMonths } from '../../../shared/dates.js';
import type { Tx } from '../../db/client.js';
import {
  DEMO_APPLICANT,
  DEMO_DUE_SOON,
  DEMO_FAILED,
  DEMO_GUIDELINE_V1,
  DEMO_GUIDELINE_V2,
  DEMO_OVERDUE,
  type DemoCriterion,
  demoEvidence,
} from './demo.screening-data.js';

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(tx: Tx, query: ReturnType<typeof sql>) =>
  ((await tx.execute(query)) as unknown as Rows<T>).rows;

const PUBLIC_KINDS = new Set(['municipality', 'prefecture', 'school']);

/** A stable number from a code, so that the same partner is screened on the same day every load. */
function spread(code: string, n: number): number {
  let h = 7;
  for (const ch of code) h = (h * 31 + ch.charCodeAt(0)) % 100_003;
  return h % n;
}

async function insertGuideline(
  tx: Tx,
  orgId: string,
  g: typeof DEMO_GUIDELINE_V1,
  status: 'active' | 'retired',
  publishedBy: string,
): Promise<{ id: string; criteria: Array<DemoCriterion & { id: string }> }> {
  const [row] = await rowsOf<{ id: string }>(
    tx,
    sql`insert into screening_guidelines (org_id, version, title_ja, title_en, policy_ja, policy_en, status,
      validity_months, published_at, published_by, created_at)
    values (${orgId}, ${g.version}, ${g.titleJa}, ${g.titleEn}, ${g.policyJa}, ${g.policyEn}, ${status},
      ${g.validityMonths}, ${`${g.createdOn}T01:00:00Z`}::timestamptz, ${publishedBy}, ${`${g.createdOn}T00:30:00Z`}::timestamptz)
    returning id`,
  );
  const criteria: Array<DemoCriterion & { id: string }> = [];
  for (const [position, c] of g.criteria.entries()) {
    const [cr] = await rowsOf<{ id: string }>(
      tx,
      sql`insert into screening_criteria (org_id, guideline_id, code, position, text_ja, text_en, evidence_ja, evidence_en, required)
      values (${orgId}, ${row.id}, ${c.code}, ${position}, ${c.textJa}, ${c.textEn}, ${c.evidenceJa}, ${c.evidenceEn}, ${c.required})
      returning id`,
    );
    criteria.push({ ...c, id: cr.id });
  }
  return { id: row.id, criteria };
}

type Screening = {
  partnerId: string;
  publicBody: boolean;
  guideline: { id: string; criteria: Array<DemoCriterion & { id: string }> };
  startedBy: string;
  decidedBy: string | null;
  decidedOn: string | null;
  /** The day a screening still in progress was started. */
  startedOn?: string;
  result: 'passed' | 'failed' | 'draft';
  nextDueOn: string | null;
  notes: string | null;
  /** For failed: the criteria answered no. For a draft: how many criteria are answered so far. */
  failing?: string[];
  answeredSoFar?: number;
};

async function insertScreening(tx: Tx, orgId: string, s: Screening): Promise<void> {
  const decidedAt = s.decidedOn ? `${s.decidedOn}T06:00:00Z` : null;
  const createdAt = `${s.decidedOn ? addDays(s.decidedOn, -14) : s.startedOn}T02:00:00Z`;
  const [row] = await rowsOf<{ id: string }>(
    tx,
    sql`insert into partner_screenings (org_id, partner_id, guideline_id, status, notes, started_by, decided_by,
      decided_at, next_due_on, created_at)
    values (${orgId}, ${s.partnerId}, ${s.guideline.id}, ${s.result}, ${s.notes}, ${s.startedBy}, ${s.decidedBy},
      ${decidedAt}::timestamptz, ${s.nextDueOn}::date, ${createdAt}::timestamptz)
    returning id`,
  );
  const year = Number((s.decidedOn ?? createdAt).slice(0, 4)) - 1;
  const criteria =
    s.result === 'draft' ? s.guideline.criteria.slice(0, s.answeredSoFar ?? 0) : s.guideline.criteria;
  for (const c of criteria) {
    const no = s.failing?.includes(c.code);
    const answer = no ? 'no' : s.publicBody && !c.required ? 'na' : 'yes';
    const evidence = no ? null : demoEvidence(c.code, s.publicBody, year);
    await tx.execute(sql`insert into partner_screening_answers (org_id, screening_id, guideline_id, criterion_id,
      answer, evidence, comment, updated_at)
      values (${orgId}, ${row.id}, ${s.guideline.id}, ${c.id}, ${answer}, ${evidence},
        ${no ? '提出された資料では確認できず' : null}, ${decidedAt ?? createdAt}::timestamptz)`);
  }
}

/**
 * The demo's selection guidelines (v1 2019 retired, v2 2023 active, from the seed's policy) and the
 * screening of every active partner: each passed within the last two years so it stays eligible
 * (partners with a longer history were also screened under v1), except one overdue (its eligibility
 * ran out: the dashboard shows it), one due within 30 days (its re-screening in progress), one NPO
 * that failed, and one applicant NPO never screened. Sets partners.eligible_until from the latest
 * passed screening. Runs after the partners and giving demos; `today` is the demo's today.
 */
export async function insertDemoScreening(tx: Tx, orgId: string, today: string) {
  const people = await rowsOf<{ role: string; id: string }>(
    tx,
    sql`select g.role, min(u.id::text) as id from users u join role_grants g on g.user_id = u.id
      where u.org_id = ${orgId} and g.role in ('csr_manager', 'program_manager', 'org_admin') group by g.role`,
  );
  const who = (role: string) => people.find((p) => p.role === role)?.id ?? people[0].id;
  const csr = who('csr_manager');
  const pm = who('program_manager');
  const v1 = await insertGuideline(tx, orgId, DEMO_GUIDELINE_V1, 'retired', who('org_admin'));
  const v2 = await insertGuideline(tx, orgId, DEMO_GUIDELINE_V2, 'active', csr);
  await tx.execute(sql`insert into partners (org_id, code, name_ja, name_en, kind, fields, description_ja, description_en)
    values (${orgId}, ${DEMO_APPLICANT.code}, ${DEMO_APPLICANT.nameJa}, ${DEMO_APPLICANT.nameEn}, ${DEMO_APPLICANT.kind},
      array['education_culture_sports']::text[], '子どもの学習支援と居場所づくりに取り組む団体（支援の申請を受け付け、審査前）',
      'Runs study support and safe places for children (applied for support; not screened yet)')
    on conflict (org_id, code) do nothing`);
  const partnerRows = await rowsOf<{ id: string; code: string; kind: string; created: string }>(
    tx,
    sql`select id, code, kind, created_at::date::text as created from partners
      where org_id = ${orgId} and status = 'active' and code <> ${DEMO_APPLICANT.code} order by code`,
  );
  const validity = DEMO_GUIDELINE_V2.validityMonths;
  let passed = 0;
  for (const p of partnerRows) {
    const publicBody = PUBLIC_KINDS.has(p.kind);
    const base = { partnerId: p.id, publicBody, notes: null as string | null };
    // History: partners known before 2021 were screened under v1 too.
    if (p.created < '2021-04-01' || spread(p.code, 3) === 0) {
      const on = addDays('2020-06-01', spread(p.code, 200));
      await insertScreening(tx, orgId, {
        ...base,
        guideline: v1,
        startedBy: csr,
        decidedBy: csr,
        decidedOn: on,
        result: 'passed',
        nextDueOn: addMonths(on, DEMO_GUIDELINE_V1.validityMonths),
      });
    }
    let decidedOn = addDays(today, -(60 + spread(p.code, 560)));
    if (p.code === DEMO_OVERDUE) decidedOn = addDays(addMonths(today, -validity), -15);
    if (p.code === DEMO_DUE_SOON) decidedOn = addDays(addMonths(today, -validity), 20);
    const failed = p.code === DEMO_FAILED;
    const nextDueOn = failed ? null : addMonths(decidedOn, validity);
    await insertScreening(tx, orgId, {
      ...base,
      guideline: v2,
      startedBy: pm,
      decidedBy: failed ? csr : pm,
      decidedOn,
      result: failed ? 'failed' : 'passed',
      nextDueOn,
      notes: failed
        ? '直近の決算書が未公開で、役員名簿の提出もないため不適格。資料が整い次第、再審査する。'
        : null,
      failing: failed ? ['FINANCIALS', 'GOVERNANCE'] : undefined,
    });
    if (p.code === DEMO_DUE_SOON)
      await insertScreening(tx, orgId, {
        ...base,
        guideline: v2,
        startedBy: pm,
        decidedBy: null,
        decidedOn: null,
        startedOn: addDays(today, -5),
        result: 'draft',
        nextDueOn: null,
        notes: null,
        answeredSoFar: 3,
      });
    await tx.execute(sql`update partners set eligible_until = ${nextDueOn}::date where id = ${p.id}`);
    if (!failed) passed++;
  }
  return { guidelines: 2, screened: partnerRows.length, passed, applicant: DEMO_APPLICANT.code };
}

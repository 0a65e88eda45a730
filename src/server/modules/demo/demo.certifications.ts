import { sql } from 'drizzle-orm';
import { addDays } from '../../../shared/dates.js';
import type { Tx } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { rowsOf } from '../../lib/sql.js';
import { periodEnd } from '../programs/certifications.rules.js';
import {
  certificationHolders,
  certifications,
  classRequestInstructors,
  classRequests,
} from '../programs/certifications.table.js';
import { referenceOf } from '../programs/class-requests.schema.js';
import { createSession } from '../programs/sessions.service.js';
import { mulberry32 } from './demo.generator.js';
import { between, shuffled } from './demo.random.js';

/** The seed's figure: "333 of our employees currently participate as certified instructors". */
export const ENET_CURRENT_INSTRUCTORS = 333;
const RENEWED = 120;
const EXPIRED = 45;
const REVOKED = 6;
const VALIDITY = 36;

type Period = typeof certificationHolders.$inferInsert;

/**
 * e-Net Caravan's instructor certification (three-year periods) held by Japanese demo employees:
 * exactly 333 certified on `today` (120 of them on a renewal of an earlier period), 45 whose period
 * expired and 6 revoked; and two class requests, one waiting for a coordinator and one assigned and
 * held (its session created through the sessions service). Skipped without the ENET program.
 */
export async function insertDemoCertifications(tx: Tx, orgId: string, today: string): Promise<void> {
  const [program] = await rowsOf<{ id: string }>(
    tx,
    sql`select id from programs where org_id = ${orgId} and code = 'ENET'`,
  );
  if (!program) return;
  const rng = mulberry32(0xe4e7);
  const [cert] = await tx
    .insert(certifications)
    .values({
      orgId,
      programId: program.id,
      code: 'ENET-INSTRUCTOR',
      nameJa: 'e-ネットキャラバン認定講師',
      nameEn: 'e-Net Caravan certified instructor',
      validityMonths: VALIDITY,
    })
    .returning();
  const staff = (
    await rowsOf<{ id: string; hire: string }>(
      tx,
      sql`select e.id, e.hire_date::text as hire from employees e join group_companies c on c.org_id = e.org_id and c.id = e.company_id
        where e.org_id = ${orgId} and c.country = 'JP' and e.employment_status <> 'left' and e.leave_date is null
          and e.hire_date <= ${addDays(today, -365)}::date
        order by e.employee_number`,
    )
  ).map((r) => r.id);
  const people = shuffled(rng, staff).slice(0, ENET_CURRENT_INSTRUCTORS + EXPIRED + REVOKED);
  let n = 0;
  const period = (employeeId: string, certifiedOn: string, extra: Partial<Period> = {}): Period => ({
    orgId,
    certificationId: cert.id,
    employeeId,
    certifiedOn,
    expiresOn: periodEnd(certifiedOn, VALIDITY),
    externalRef: `ENET-${String(++n).padStart(4, '0')}`,
    ...extra,
  });
  const current = people.slice(0, ENET_CURRENT_INSTRUCTORS);
  const firsts: Period[] = [];
  const renewals: { employeeId: string; certifiedOn: string }[] = [];
  current.forEach((employeeId, i) => {
    const certifiedOn = addDays(today, -between(rng, 1, VALIDITY * 30 - 10));
    if (i < RENEWED) {
      firsts.push(
        period(employeeId, addDays(certifiedOn, -VALIDITY * 30 - 10), {
          expiresOn: addDays(certifiedOn, -1),
        }),
      );
      renewals.push({ employeeId, certifiedOn });
    } else firsts.push(period(employeeId, certifiedOn));
  });
  for (const employeeId of people.slice(ENET_CURRENT_INSTRUCTORS, ENET_CURRENT_INSTRUCTORS + EXPIRED))
    firsts.push(period(employeeId, addDays(today, -between(rng, VALIDITY * 31, 3650))));
  for (const employeeId of people.slice(ENET_CURRENT_INSTRUCTORS + EXPIRED)) {
    const certifiedOn = addDays(today, -between(rng, 200, 700));
    firsts.push(period(employeeId, certifiedOn, { revokedOn: addDays(certifiedOn, between(rng, 30, 150)) }));
  }
  const stored = await tx.insert(certificationHolders).values(firsts).returning();
  const firstOf = new Map(stored.map((s) => [s.employeeId, s.id]));
  await tx
    .insert(certificationHolders)
    .values(
      renewals.map((r) => period(r.employeeId, r.certifiedOn, { renewsId: firstOf.get(r.employeeId) })),
    );
  await insertDemoClassRequests(tx, orgId, today, program.id, cert.id, current);
}

async function insertDemoClassRequests(
  tx: Tx,
  orgId: string,
  today: string,
  programId: string,
  certificationId: string,
  instructors: string[],
): Promise<void> {
  const [school] = await rowsOf<{ id: string }>(
    tx,
    sql`select id from partners where org_id = ${orgId} and code = 'HS-SHIRAKAWA'`,
  );
  await tx.insert(classRequests).values({
    orgId,
    programId,
    certificationId,
    requesterKind: 'school',
    requesterOrganisation: '相模原市立みどり台小学校',
    contactName: '山本 由紀',
    contactEmail: 'yamamoto@midoridai-es.example.jp',
    contactPhone: '042-000-0000',
    locale: 'ja',
    preferredOn: addDays(today, 30),
    alternativeOn: addDays(today, 37),
    place: '相模原市立みどり台小学校 体育館',
    audience: 'students',
    expectedParticipants: 96,
    message: '4年生3クラス合同で、スマートフォンとSNSの安全な使い方をお願いします。',
  });
  const held = addDays(today, -20);
  const [request] = await tx
    .insert(classRequests)
    .values({
      orgId,
      programId,
      certificationId,
      partnerId: school?.id ?? null,
      requesterKind: 'school',
      requesterOrganisation: '福島県立白河高等学校',
      contactName: '佐藤 健',
      contactEmail: 'sato@shirakawa-hs.example.jp',
      locale: 'ja',
      preferredOn: held,
      place: '福島県立白河高等学校 視聴覚室',
      audience: 'mixed',
      expectedParticipants: 120,
      message: '1年生と保護者向けに、ネットトラブルの防ぎ方をお願いします。',
      status: 'assigned',
      scheduledOn: held,
      createdAt: new Date(Date.parse(`${addDays(held, -45)}T01:00:00Z`)),
    })
    .returning();
  const chosen = instructors.slice(0, 2);
  const holders = await rowsOf<{ id: string; employee_id: string }>(
    tx,
    sql`select distinct on (employee_id) id, employee_id from certification_holders
      where org_id = ${orgId} and certification_id = ${certificationId} and employee_id in (${sql.join(
        chosen.map((c) => sql`${c}`),
        sql`, `,
      )})
        and certified_on <= ${held}::date and (expires_on is null or expires_on >= ${held}::date)
      order by employee_id, certified_on desc`,
  );
  await tx
    .insert(classRequestInstructors)
    .values(
      holders.map((h) => ({ orgId, requestId: request.id, employeeId: h.employee_id, holderId: h.id })),
    );
  const ctx = { orgId, actor: { kind: 'system', label: 'demo' }, locale: 'ja', db: tx, inTx: true } as Ctx;
  const session = await createSession(ctx, {
    programId,
    ref: referenceOf(request.id),
    kind: 'class',
    titleJa: 'e-ネットキャラバン（福島県立白河高等学校）',
    titleEn: 'e-Net Caravan (Fukushima Prefectural Shirakawa High School)',
    startsOn: held,
    placeJa: request.place,
    partnerId: request.partnerId,
    counts: { students: 104, guardians: 18, teachers: 6, employees: holders.length },
    employeeIds: holders.map((h) => h.employee_id),
  });
  await tx
    .update(classRequests)
    .set({ status: 'completed', sessionId: session.id })
    .where(sql`${classRequests.id} = ${request.id}`);
}

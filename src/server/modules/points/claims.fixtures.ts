import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import type { Session, TestOrg } from '../../test/factories.js';
import { account } from '../ledger/ledger.keys.js';
import { post } from '../ledger/ledger.post.js';
import { currentFiscalYear } from '../ledger/ledger.values.js';
import { at, createOpportunity, DAY } from '../volunteering/signups.fixtures.js';
import { opportunities, signups } from '../volunteering/volunteering.table.js';

// Test fixtures of expense claims: past activities with attendance written straight to their tables,
// point grants through the ledger, and receipt bytes of each allowed type.

/** A tiny PNG (1x1) and the first bytes of a PDF: enough for the signature checks. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
export const PDF = Buffer.from(
  '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
  'latin1',
);

type ActivitySpec = {
  transportByPoints?: boolean;
  attendance?: 'attended' | 'absent' | null;
  titleJa?: string;
  titleEn?: string;
};

/** A sign-up of the employee on a shift held a week ago, with attendance recorded (attended by default). */
export async function pastSignup(
  database: Database,
  org: TestOrg,
  employeeId: string,
  spec: ActivitySpec = {},
): Promise<{ signupId: string; opportunityId: string }> {
  const { opportunityId, shiftIds } = await createOpportunity(database, org, {
    titleJa: spec.titleJa ?? '川崎の子ども食堂',
    titleEn: spec.titleEn ?? 'Kawasaki children’s cafeteria',
    shifts: [{ startsAt: at(-7 * DAY) }],
  });
  await database.db
    .update(opportunities)
    .set({ transportByPoints: spec.transportByPoints ?? true })
    .where(eq(opportunities.id, opportunityId));
  const attendance = spec.attendance === undefined ? 'attended' : spec.attendance;
  const [row] = await database.db
    .insert(signups)
    .values({
      orgId: org.orgId,
      shiftId: shiftIds[0],
      employeeId,
      status: 'confirmed',
      attendance,
      minutes: attendance === 'attended' ? 180 : null,
    })
    .returning({ id: signups.id });
  return { signupId: row.id, opportunityId };
}

/** Grants points of the current fiscal year to an employee through the ledger (kind grant). */
export async function grantPoints(ctx: Ctx, employeeId: string, points: number, reference: string) {
  const fiscalYear = await currentFiscalYear(ctx);
  return post(ctx, {
    kind: 'grant',
    idempotencyKey: `grant:${reference}`,
    request: { employeeId, fiscalYear, points, reference },
    fiscalYear,
    links: { employeeId },
    lines: [
      { account: account.pointsGranted(fiscalYear), amount: -points },
      { account: account.employeePoints(employeeId, fiscalYear), amount: points },
    ],
  });
}

/** Uploads bytes as a receipt through the API. */
export function upload(
  app: FastifyInstance,
  s: Session,
  body: Buffer,
  contentType = 'image/png',
  name = 'receipt.png',
) {
  return app.inject({
    method: 'POST',
    url: `/api/files?name=${encodeURIComponent(name)}`,
    headers: { ...s.headers, 'content-type': contentType },
    payload: body,
  });
}

/** Uploads a PNG receipt and answers its id. */
export async function receiptId(app: FastifyInstance, s: Session, name = 'receipt.png'): Promise<string> {
  const res = await upload(app, s, PNG, 'image/png', name);
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

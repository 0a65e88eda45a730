import type { Readable } from 'node:stream';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import {
  type FileImportOptions,
  type Importer,
  type ImportOptions,
  type ImportReport,
  runFileImport,
  runImport,
} from '../../lib/csv-import.js';
import { employees } from '../people/people.table.js';
import {
  type CertificationColumn,
  type CertificationImportRow,
  type CertificationLookups,
  readCertificationHeader,
  validateCertificationRow,
} from './certifications.import-columns.js';
import { certificationHolders, certifications } from './certifications.table.js';
import { programOfTarget } from './records.access.js';

/** Which program's certifications a file may name (the CLI's --program); none: any of the organisation. */
export type CertificationTarget = { programId?: string; programCode?: string };

type Program = { id: string; companyId: string } | null;

async function loadLookups(ctx: Ctx, program: Program): Promise<CertificationLookups> {
  const certs = await ctx.db
    .select({
      id: certifications.id,
      code: certifications.code,
      validityMonths: certifications.validityMonths,
    })
    .from(certifications)
    .where(
      and(
        eq(certifications.orgId, ctx.orgId),
        program ? eq(certifications.programId, program.id) : undefined,
      ),
    );
  const people = await ctx.db
    .select({ id: employees.id, number: employees.employeeNumber })
    .from(employees)
    .where(eq(employees.orgId, ctx.orgId));
  const periods = await ctx.db
    .select({
      id: certificationHolders.id,
      certificationId: certificationHolders.certificationId,
      ref: certificationHolders.externalRef,
      employeeId: certificationHolders.employeeId,
      renewsId: certificationHolders.renewsId,
    })
    .from(certificationHolders)
    .where(and(eq(certificationHolders.orgId, ctx.orgId), isNotNull(certificationHolders.externalRef)));
  const keyOfId = new Map(periods.map((p) => [p.id, `${p.certificationId}|${p.ref}`]));
  return {
    certifications: new Map(certs.map((c) => [c.code, { id: c.id, validityMonths: c.validityMonths }])),
    employees: new Map(people.map((e) => [e.number, e.id])),
    known: new Map(
      periods.map((p) => [`${p.certificationId}|${p.ref}`, { id: p.id, employeeId: p.employeeId }]),
    ),
    renewed: new Set(
      periods.flatMap((p) => (p.renewsId && keyOfId.has(p.renewsId) ? [keyOfId.get(p.renewsId)!] : [])),
    ),
    inFile: new Map(),
  };
}

/** Upserts each period by (certification, holder_ref); a period renewing another points at it. */
async function write(ctx: Ctx, rows: CertificationImportRow[], ids: Map<string, string>) {
  let created = 0;
  let updated = 0;
  const h = certificationHolders;
  for (const r of rows) {
    const renewsId = r.renewsKey ? (ids.get(r.renewsKey) ?? null) : null;
    const [existing] = await ctx.db
      .select()
      .from(h)
      .where(and(eq(h.orgId, ctx.orgId), eq(h.certificationId, r.certificationId), eq(h.externalRef, r.ref)));
    const values = { certifiedOn: r.certifiedOn, expiresOn: r.expiresOn, revokedOn: r.revokedOn, renewsId };
    if (!existing) {
      const [row] = await ctx.db
        .insert(h)
        .values({
          orgId: ctx.orgId,
          certificationId: r.certificationId,
          employeeId: r.employeeId,
          externalRef: r.ref,
          ...values,
        })
        .returning({ id: h.id });
      ids.set(r.key, row.id);
      created++;
      continue;
    }
    ids.set(r.key, existing.id);
    const same =
      existing.certifiedOn === values.certifiedOn &&
      existing.expiresOn === values.expiresOn &&
      existing.revokedOn === values.revokedOn &&
      existing.renewsId === values.renewsId;
    if (same) continue;
    await ctx.db
      .update(h)
      .set(values)
      .where(and(eq(h.orgId, ctx.orgId), eq(h.id, existing.id)));
    updated++;
  }
  return { created, updated };
}

function importer(
  program: Program,
): Importer<CertificationColumn, CertificationLookups, CertificationImportRow, null> {
  // Ids of the periods stored or written in this import, by key, for renews_ref.
  let ids: Map<string, string> | undefined;
  return {
    permission: 'programs.manage',
    scope: program ? { companyId: program.companyId } : undefined,
    auditAs: { action: 'certification_holder.import', entityType: 'certification_holder' },
    readHeader: readCertificationHeader,
    loadLookups: async (ctx) => {
      const lookups = await loadLookups(ctx, program);
      ids = new Map([...lookups.known].map(([key, p]) => [key, p.id]));
      return lookups;
    },
    validate: validateCertificationRow,
    key: { column: 'holder_ref', of: (row) => row.key },
    plan: () => null,
    write: (ctx, rows) => write(ctx, rows, ids as Map<string, string>),
  };
}

/**
 * Imports certification periods from a CSV stream (docs/import-formats.md, "certifications"),
 * idempotent by (certification, holder_ref): a rerun changes nothing, a changed date updates the period.
 * `renews_ref` links a renewal to the period it renews (stored, or earlier in the file). All-or-nothing
 * unless `partial`; one audit record. Throws not_found (program), forbidden (programs.manage on the
 * program's company, or organisation-wide without a program), import_invalid (row and column of each bad value).
 */
export async function importCertifications(
  ctx: Ctx,
  input: Readable,
  options: ImportOptions & CertificationTarget,
): Promise<ImportReport> {
  return runImport(ctx, importer(await programOfTarget(ctx, options)), input, options);
}

/** importCertifications on a file: streams it and reports progress against its size. */
export async function importCertificationsFile(
  ctx: Ctx,
  path: string,
  options: FileImportOptions & CertificationTarget,
): Promise<ImportReport> {
  return runFileImport(ctx, importer(await programOfTarget(ctx, options)), path, options);
}

import { and, count, desc, eq } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { fileInfo, readFile, type StoredFileContent } from '../files/files.service.js';
import { storedFiles } from '../files/files.table.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { programs } from './programs.table.js';
import { fiscalYearFor, localized, programFor, yearLabeller } from './records.access.js';
import { programPhotos } from './records.table.js';
import { type Photo, type PhotoCreate, PHOTO_CONTENT_TYPES } from './testimonials.schema.js';
import { sessionYear } from './testimonials.service.js';

const columns = {
  photo: programPhotos,
  name: storedFiles.name,
  contentType: storedFiles.contentType,
  size: storedFiles.size,
};
type Row = { photo: typeof programPhotos.$inferSelect; name: string; contentType: string; size: number };

function selectPhotos(ctx: Ctx) {
  return ctx.db
    .select(columns)
    .from(programPhotos)
    .innerJoin(
      storedFiles,
      and(eq(storedFiles.orgId, programPhotos.orgId), eq(storedFiles.id, programPhotos.fileId)),
    );
}

async function views(ctx: Ctx, rows: Row[]): Promise<Photo[]> {
  const label = await yearLabeller(ctx);
  return rows.map(({ photo: p, name, contentType, size }) => ({
    id: p.id,
    programId: p.programId,
    sessionId: p.sessionId,
    fileId: p.fileId,
    name,
    contentType,
    size,
    captionJa: p.captionJa,
    captionEn: p.captionEn,
    caption: localized(ctx, p.captionJa, p.captionEn),
    takenOn: p.takenOn,
    fiscalYear: p.fiscalYear,
    fiscalYearLabel: label(p.fiscalYear),
    imageUrl: `/api/photos/${p.id}/image`,
  }));
}

/** The photos of a program, newest first. Throws not_found, forbidden. */
export async function listPhotos(
  ctx: Ctx,
  programId: string,
  q: { fiscalYear?: number; page: number; size: number },
): Promise<Page<Photo>> {
  await programFor(ctx, programId, 'programs.read');
  const where = and(
    eq(programPhotos.orgId, ctx.orgId),
    eq(programPhotos.programId, programId),
    q.fiscalYear !== undefined ? eq(programPhotos.fiscalYear, q.fiscalYear) : undefined,
  );
  const [{ total }] = await ctx.db.select({ total: count() }).from(programPhotos).where(where);
  const rows = await selectPhotos(ctx)
    .where(where)
    .orderBy(desc(programPhotos.fiscalYear), desc(programPhotos.takenOn), desc(programPhotos.createdAt))
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  return { items: await views(ctx, rows), total: toNumber(total), page: q.page, size: q.size };
}

/**
 * Adds an uploaded photo (a file of purpose program_photo, a JPEG, PNG or WebP, not used by another
 * photo) to a program. Throws not_found, forbidden, validation_failed (fileId not_found / photo_file_purpose /
 * file_type_not_allowed / duplicate, taken_in_future, sessionId not_found).
 */
export async function addPhoto(ctx: Ctx, programId: string, input: PhotoCreate): Promise<Photo> {
  return inTransaction(ctx, async (tx) => {
    await programFor(tx, programId, 'programs.manage');
    const fields = [];
    const file = await fileInfo(tx, input.fileId);
    if (!file) fields.push({ path: 'fileId', code: 'not_found' });
    else if (file.purpose !== 'program_photo') fields.push({ path: 'fileId', code: 'photo_file_purpose' });
    else if (!(PHOTO_CONTENT_TYPES as readonly string[]).includes(file.contentType))
      fields.push({ path: 'fileId', code: 'file_type_not_allowed' });
    else {
      const [used] = await tx.db
        .select({ id: programPhotos.id })
        .from(programPhotos)
        .where(and(eq(programPhotos.orgId, tx.orgId), eq(programPhotos.fileId, input.fileId)));
      if (used) fields.push({ path: 'fileId', code: 'duplicate' });
    }
    const today = ledgerToday();
    if (input.takenOn && input.takenOn > today) fields.push({ path: 'takenOn', code: 'taken_in_future' });
    const year = input.sessionId ? await sessionYear(tx, programId, input.sessionId) : null;
    if (input.sessionId && year === null) fields.push({ path: 'sessionId', code: 'not_found' });
    if (fields.length) throw new AppError('validation_failed', { fields });
    const [row] = await tx.db
      .insert(programPhotos)
      .values({
        orgId: tx.orgId,
        programId,
        sessionId: input.sessionId ?? null,
        fileId: input.fileId,
        captionJa: input.captionJa ?? null,
        captionEn: input.captionEn ?? null,
        takenOn: input.takenOn ?? null,
        fiscalYear: input.fiscalYear ?? year ?? (await fiscalYearFor(tx, input.takenOn ?? today)),
      })
      .returning();
    await audit(tx, {
      action: 'program_photo.create',
      entityType: 'program_photo',
      entityId: row.id,
      after: row,
    });
    return (
      await views(tx, [{ photo: row, name: file!.name, contentType: file!.contentType, size: file!.size }])
    )[0];
  });
}

async function photoFor(ctx: Ctx, id: string, permission: 'programs.read' | 'programs.manage') {
  const [row] = await ctx.db
    .select({ photo: programPhotos, companyId: programs.companyId })
    .from(programPhotos)
    .innerJoin(
      programs,
      and(eq(programs.orgId, programPhotos.orgId), eq(programs.id, programPhotos.programId)),
    )
    .where(and(eq(programPhotos.orgId, ctx.orgId), eq(programPhotos.id, id)));
  if (!row) throw new AppError('not_found', { params: { entity: 'program_photo' } });
  assertHolds(ctx, permission, { companyId: row.companyId });
  return row.photo;
}

/** The image of a photo, with its bytes. Throws not_found, forbidden. */
export async function photoImage(ctx: Ctx, id: string): Promise<StoredFileContent> {
  const photo = await photoFor(ctx, id, 'programs.read');
  return readFile(ctx, photo.fileId);
}

/** Removes a photo from its program (the stored file stays, as uploads do). Throws not_found, forbidden. */
export async function deletePhoto(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const photo = await photoFor(tx, id, 'programs.manage');
    await tx.db.delete(programPhotos).where(eq(programPhotos.id, id));
    await audit(tx, {
      action: 'program_photo.delete',
      entityType: 'program_photo',
      entityId: id,
      before: photo,
    });
  });
}

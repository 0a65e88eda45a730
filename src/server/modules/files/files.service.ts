import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { MAX_RECEIPT_BYTES, type ReceiptContentType, receiptTypeOf } from '../../../shared/receipts.js';
import { audit } from '../../lib/audit.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import type { Permission } from '../../../shared/roles.js';
import { assertHolds } from '../../lib/authz.js';
import { requireEmployee } from '../volunteering/participation.common.js';
import type { FilePurpose } from './files.schema.js';
import { storedFiles } from './files.table.js';

export type { FilePurpose };

/**
 * Who may upload and who may read back a file of each purpose. A receipt is uploaded by an employee
 * and read only through its claim (GET /api/claims/{id}/receipt), so it has no reader here.
 */
const ACCESS: Record<FilePurpose, { upload: Permission | 'employee'; read: Permission | null }> = {
  claim_receipt: { upload: 'employee', read: null },
  agreement_document: { upload: 'partners.manage', read: 'partners.read' },
  screening_evidence: { upload: 'partners.screen', read: 'partners.read' },
  program_photo: { upload: 'programs.manage', read: 'programs.read' },
  consent_record: { upload: 'programs.manage', read: 'programs.manage' },
  expense_attachment: { upload: 'expenses.manage', read: 'expenses.read' },
  metric_evidence: { upload: 'goals.manage', read: 'goals.read' },
};

/** What the API tells about a stored file (never its bytes). */
export type StoredFileInfo = { id: string; name: string; contentType: string; size: number };

export type StoredFileContent = StoredFileInfo & { sha256: string; content: Buffer };

/** The largest file, as people read it: "5 MB". */
export const MAX_FILE_LABEL = `${MAX_RECEIPT_BYTES / 1024 / 1024} MB`;

/**
 * Whether the bytes are what the content type says: a JPEG, PNG, WebP, HEIC (ISO BMFF `ftyp` with a
 * HEIF brand) or PDF signature. A file whose bytes say otherwise is refused, so that a receipt served
 * back with its stored type is what it claims to be.
 */
export function contentMatches(type: ReceiptContentType, bytes: Buffer): boolean {
  const ascii = (from: number, to: number) => bytes.subarray(from, to).toString('latin1');
  switch (type) {
    case 'image/jpeg':
      return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case 'image/png':
      return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/webp':
      return ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP';
    case 'image/heic':
      return ascii(4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(8, 12));
    case 'application/pdf':
      return ascii(0, 5) === '%PDF-';
  }
}
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** A file name without folders or control characters, at most 200 characters ("receipt" if nothing is left). */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return clean.slice(0, 200) || 'receipt';
}

/**
 * Stores an uploaded file (a receipt, an agreement, screening evidence, a program photo, a consent
 * record) for the caller's account, with its size and SHA-256, and audits the upload (without the
 * bytes). Throws file_type_not_allowed (type not allowed, or the bytes are not of that type),
 * file_too_large (over 5 MB), validation_failed (empty), forbidden (no user account, or not allowed
 * to upload for this purpose), no_employee_record (a receipt without an employee record).
 */
export async function storeFile(
  ctx: Ctx,
  input: { name: string; contentType: string | undefined; content: Buffer; purpose: FilePurpose },
): Promise<StoredFileInfo> {
  const uploadedBy = actorUserId(ctx);
  if (!uploadedBy) throw new AppError('forbidden');
  const upload = ACCESS[input.purpose].upload;
  if (upload === 'employee') requireEmployee(ctx);
  else assertHolds(ctx, upload);
  const contentType = receiptTypeOf(input.contentType);
  if (!contentType) throw new AppError('file_type_not_allowed');
  if (input.content.length === 0)
    throw new AppError('validation_failed', { fields: [{ path: 'body', code: 'required' }] });
  if (input.content.length > MAX_RECEIPT_BYTES)
    throw new AppError('file_too_large', { params: { max: MAX_FILE_LABEL } });
  if (!contentMatches(contentType, input.content)) throw new AppError('file_type_not_allowed');
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(storedFiles)
      .values({
        orgId: tx.orgId,
        uploadedBy,
        purpose: input.purpose,
        name: cleanFileName(input.name),
        contentType,
        size: input.content.length,
        sha256,
        content: input.content,
      })
      .returning({
        id: storedFiles.id,
        name: storedFiles.name,
        contentType: storedFiles.contentType,
        size: storedFiles.size,
      });
    await audit(tx, {
      action: 'stored_file.upload',
      entityType: 'stored_file',
      entityId: row.id,
      after: { ...row, purpose: input.purpose, sha256 },
    });
    return row;
  });
}

/** The name, type and size of a file of the organisation, or null. */
export async function fileInfo(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({
      id: storedFiles.id,
      name: storedFiles.name,
      contentType: storedFiles.contentType,
      size: storedFiles.size,
      uploadedBy: storedFiles.uploadedBy,
      purpose: storedFiles.purpose,
    })
    .from(storedFiles)
    .where(and(eq(storedFiles.orgId, ctx.orgId), eq(storedFiles.id, id)));
  return row ?? null;
}

/**
 * A file with its bytes. No access check here: callers decide who may read it (receipts are served
 * through their claim). Throws not_found.
 */
export async function readFile(ctx: Ctx, id: string): Promise<StoredFileContent> {
  const [row] = await ctx.db
    .select({
      id: storedFiles.id,
      name: storedFiles.name,
      contentType: storedFiles.contentType,
      size: storedFiles.size,
      sha256: storedFiles.sha256,
      content: storedFiles.content,
    })
    .from(storedFiles)
    .where(and(eq(storedFiles.orgId, ctx.orgId), eq(storedFiles.id, id)));
  if (!row) throw new AppError('not_found', { params: { entity: 'stored_file' } });
  return row;
}

/** `inline; filename="…"; filename*=UTF-8''…`: an ASCII fallback and the real (say Japanese) name. */
export function contentDisposition(name: string, kind: 'inline' | 'attachment'): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * A file of a purpose that has a reader here (agreement documents, screening evidence, program photos,
 * consent records), for a caller holding that purpose's read permission. Receipts are not served here.
 * Throws not_found, forbidden.
 */
export async function readDocument(ctx: Ctx, id: string): Promise<StoredFileContent> {
  const info = await fileInfo(ctx, id);
  const read = info ? ACCESS[info.purpose as FilePurpose]?.read : null;
  if (!info || !read) throw new AppError('not_found', { params: { entity: 'stored_file' } });
  assertHolds(ctx, read);
  return readFile(ctx, id);
}

import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { AppError } from '../../lib/errors.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, signIn } from '../../test/factories.js';
import { storedFiles } from '../files/files.table.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { addPhoto, deletePhoto, listPhotos, photoImage } from './photos.service.js';
import { type RecordsWorld, recordsWorld } from './records.test-support.js';
import { createTestimonial, deleteTestimonial, listTestimonials } from './testimonials.service.js';

let database: Database;
let w: RecordsWorld;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  w = await recordsWorld(database, 'TST');
  app = await buildTestApp(database);
});

const fails = (p: Promise<unknown>) => p.then(() => null as unknown as AppError).catch((e: AppError) => e);
const page = { page: 1, size: 50 };
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function file(purpose: string, content = PNG, contentType = 'image/png') {
  const [row] = await database.db
    .insert(storedFiles)
    .values({
      orgId: w.org.orgId,
      uploadedBy: w.org.users.csr_manager.id,
      purpose,
      name: 'photo.png',
      contentType,
      size: content.length,
      sha256: 'x',
      content,
    })
    .returning({ id: storedFiles.id });
  return row.id;
}

const tomorrow = () => {
  const d = new Date(`${ledgerToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

describe('testimonials', () => {
  it('records a quote with its consent day, in the fiscal year of the consent', async () => {
    const t = await createTestimonial(w.manager, w.jpProgramId, {
      speakerJa: '高校生',
      quoteJa: 'とても有意義な時間でした。',
      quoteEn: 'My time with the program was very meaningful.',
      consentOn: '2024-02-10',
      consentFileId: await file('consent_record'),
    });
    expect(t).toMatchObject({
      fiscalYear: 2023,
      fiscalYearLabel: 'fiscal 2024',
      quote: 'My time with the program was very meaningful.',
    });
    const list = await listTestimonials(w.manager, w.jpProgramId, { ...page, fiscalYear: 2023 });
    expect(list.total).toBe(1);
  });

  it('refuses a testimonial without consent, with consent in the future, or with the wrong kind of file', async () => {
    const base = { quoteJa: '声', consentOn: '2024-01-01' };
    const none = await app.inject({
      method: 'POST',
      url: `/api/programs/${w.jpProgramId}/testimonials`,
      headers: (await signIn(app, w.jpManagerEmail)).headers,
      payload: { quoteJa: '同意なし' },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().fields[0]).toMatchObject({ path: 'consentOn', code: 'required' });
    const future = await fails(
      createTestimonial(w.manager, w.jpProgramId, { ...base, consentOn: tomorrow() }),
    );
    expect(future.fields[0]).toMatchObject({ path: 'consentOn', code: 'consent_in_future' });
    const wrongFile = await fails(
      createTestimonial(w.manager, w.jpProgramId, { ...base, consentFileId: await file('program_photo') }),
    );
    expect(wrongFile.fields[0]).toMatchObject({ path: 'consentFileId', code: 'consent_file_purpose' });
    const noQuote = await fails(createTestimonial(w.manager, w.jpProgramId, { consentOn: '2024-01-01' }));
    expect(noQuote.fields[0]).toMatchObject({ code: 'quote_required' });
    const session = await fails(
      createTestimonial(w.manager, w.jpProgramId, {
        ...base,
        sessionId: '00000000-0000-4000-8000-000000000000',
      }),
    );
    expect(session.fields[0]).toMatchObject({ path: 'sessionId', code: 'not_found' });
    await expect(
      database.db.execute(sql`insert into program_testimonials (org_id, program_id, quote_ja, fiscal_year)
        values (${w.org.orgId}, ${w.jpProgramId}, 'no consent', 2023)`),
    ).rejects.toThrow();
  });

  it('keeps a company-scoped manager to their company’s programs', async () => {
    const us = await createTestimonial(w.manager, w.usProgramId, {
      quoteEn: 'Great',
      consentOn: '2024-05-01',
    });
    expect(
      (await fails(createTestimonial(w.jpManager, w.usProgramId, { quoteEn: 'x', consentOn: '2024-05-01' })))
        .code,
    ).toBe('forbidden');
    expect((await fails(deleteTestimonial(w.jpManager, us.id))).code).toBe('forbidden');
    expect((await fails(listTestimonials(w.jpManager, w.usProgramId, page))).code).toBe('forbidden');
    await deleteTestimonial(w.manager, us.id);
    expect((await listTestimonials(w.manager, w.usProgramId, page)).total).toBe(0);
  });
});

describe('photos', () => {
  it('adds an uploaded program photo and serves its image to readers', async () => {
    const photo = await addPhoto(w.manager, w.jpProgramId, {
      fileId: await file('program_photo'),
      captionJa: '掛川市役所で実施したワークショップの集合写真',
      takenOn: '2018-10-20',
    });
    expect(photo).toMatchObject({
      fiscalYear: 2018,
      contentType: 'image/png',
      imageUrl: `/api/photos/${photo.id}/image`,
    });
    const image = await photoImage(w.auditor, photo.id);
    expect(image.content.equals(PNG)).toBe(true);
    const s = await signIn(app, w.org.users.auditor.email);
    const res = await app.inject({ method: 'GET', url: photo.imageUrl, headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect((await listPhotos(w.auditor, w.jpProgramId, page)).total).toBe(1);
    const dup = await fails(addPhoto(w.manager, w.jpProgramId, { fileId: photo.fileId }));
    expect(dup.fields[0]).toMatchObject({ path: 'fileId', code: 'duplicate' });
  });

  it('refuses a file uploaded for another purpose, a PDF, a future day and another company’s program', async () => {
    const receipt = await fails(addPhoto(w.manager, w.jpProgramId, { fileId: await file('claim_receipt') }));
    expect(receipt.fields[0]).toMatchObject({ code: 'photo_file_purpose' });
    const pdf = await fails(
      addPhoto(w.manager, w.jpProgramId, {
        fileId: await file('program_photo', Buffer.from('%PDF-1.4'), 'application/pdf'),
      }),
    );
    expect(pdf.fields[0]).toMatchObject({ code: 'file_type_not_allowed' });
    const future = await fails(
      addPhoto(w.manager, w.jpProgramId, { fileId: await file('program_photo'), takenOn: tomorrow() }),
    );
    expect(future.fields[0]).toMatchObject({ path: 'takenOn', code: 'taken_in_future' });
    const other = await fails(addPhoto(w.jpManager, w.usProgramId, { fileId: await file('program_photo') }));
    expect(other.code).toBe('forbidden');
    const [p] = (await listPhotos(w.manager, w.jpProgramId, page)).items;
    expect((await photoImage(w.jpManager, p.id)).contentType).toBe('image/png');
    await deletePhoto(w.jpManager, p.id);
    expect((await listPhotos(w.manager, w.jpProgramId, page)).total).toBe(0);
  });
});

import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import type { AppError } from '../../lib/errors.js';
import { openTestDatabase } from '../../test/db.js';
import { auditLog } from '../audit/audit.table.js';
import { programSessions, programTestimonials } from './records.table.js';
import { type RecordsWorld, recordsWorld } from './records.test-support.js';
import { importTestimonials } from './testimonials.import.js';
import { listTestimonials } from './testimonials.service.js';

let database: Database;
let w: RecordsWorld;
let sessionId: string;

const run = (text: string | Buffer, options: { partial?: boolean; ctx?: Ctx; programId?: string } = {}) =>
  importTestimonials(
    options.ctx ?? w.manager,
    Readable.from([typeof text === 'string' ? Buffer.from(text) : text]),
    { programId: options.programId ?? w.jpProgramId, fileName: 'testimonials.csv', partial: options.partial },
  );
const fails = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: AppError) => e,
  );
const stored = () =>
  database.db
    .select()
    .from(programTestimonials)
    .where(eq(programTestimonials.programId, w.jpProgramId))
    .orderBy(programTestimonials.consentOn);

beforeAll(async () => {
  database = await openTestDatabase();
  w = await recordsWorld(database, 'TSTIMP');
  const [s] = await database.db
    .insert(programSessions)
    .values({
      orgId: w.org.orgId,
      programId: w.jpProgramId,
      externalRef: 'HS-2023-01',
      kind: 'class',
      titleJa: '白河高校',
      startsOn: '2024-02-10',
      endsOn: '2024-02-10',
      fiscalYear: 2023,
    })
    .returning({ id: programSessions.id });
  sessionId = s.id;
});

const FILE = [
  'quote_ja,quote_en,speaker_ja,speaker_en,consent_on,session_ref,fiscal_year',
  '社会課題を自分ごととして考えるようになった,I now see social issues as my own,高校2年生,High school student,2024/02/20,HS-2023-01,',
  '起業の一歩を踏み出せた,,卒業生,,2024-06-01,,',
  ',The mentors changed how we work,,Graduate,2022-05-01,,2021年度',
].join('\n');

describe('the testimonials import', () => {
  it('adds testimonials with consent, the fiscal year of the session, the consent day or the file', async () => {
    expect(await run(FILE)).toMatchObject({ rows: 3, created: 3, committed: true });
    const rows = await stored();
    expect(rows.map((r) => [r.consentOn, r.fiscalYear, r.sessionId])).toEqual([
      ['2022-05-01', 2021, null],
      ['2024-02-20', 2023, sessionId],
      ['2024-06-01', 2024, null],
    ]);
    const page = await listTestimonials(w.manager, w.jpProgramId, { page: 1, size: 10 });
    expect(page.items.map((t) => t.speaker)).toContain('High school student');
  });

  it('leaves a quote the program already has unchanged: the same file again adds nothing', async () => {
    expect(await run(FILE)).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    const sameEnglish = [
      'quote_en,speaker_en,consent_on',
      'The mentors changed  how we work,Someone else,2023-01-01',
      'A new voice,Teacher,2023-01-01',
    ].join('\n');
    expect(await run(sameEnglish)).toMatchObject({ created: 1, unchanged: 1 });
    expect(await stored()).toHaveLength(4);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, w.org.orgId), eq(auditLog.action, 'program_testimonial.import')));
    expect(audits).toHaveLength(3);
  });

  it('reads Japanese headers in Shift_JIS', async () => {
    const text = ['コメント,発言者,同意日', '葛布の魅力を再発見した,掛川市職員,2019/03/01'].join('\r\n');
    expect(await run(iconv.encode(text, 'cp932'))).toMatchObject({ encoding: 'shift_jis', created: 1 });
    expect((await stored()).find((r) => r.speakerJa === '掛川市職員')).toMatchObject({
      quoteJa: '葛布の魅力を再発見した',
      fiscalYear: 2018,
    });
  });

  it('names the row and column of every bad value and writes nothing', async () => {
    const bad = [
      'quote_ja,quote_en,speaker_ja,consent_on,session_ref,fiscal_year',
      ',,x,2024-01-01,,',
      'a,,x,2999-01-01,NOPE,',
      'b,,x,,,',
      'c,,x,2024-02-30,,24',
      'd,,x,2024-01-01,,',
      'd,,y,2024-01-02,,',
    ].join('\n');
    const e = await fails(run(bad));
    expect(e.code).toBe('import_invalid');
    expect(e.fields.map((f) => `${f.row}:${f.column}:${f.code}`)).toEqual([
      '2:quote_ja:quote_required',
      '3:session_ref:unknown_session',
      '3:consent_on:consent_in_future',
      '4:consent_on:required',
      '5:consent_on:invalid_date',
      '5:fiscal_year:invalid_fiscal_year',
      '7:quote_ja:duplicate_in_file',
    ]);
    expect((await stored()).some((r) => r.quoteJa === 'd')).toBe(false);
    expect(await run(bad, { partial: true })).toMatchObject({ created: 1, invalidRows: 5, committed: true });
    expect((await stored()).filter((r) => r.quoteJa === 'd')).toHaveLength(1);
  });

  it('needs programs.manage on the program’s company', async () => {
    const us = await fails(
      run('quote_en,consent_on\nHi,2024-01-01', { ctx: w.jpManager, programId: w.usProgramId }),
    );
    expect(us.code).toBe('forbidden');
    expect(await run('quote_en,consent_on\nHi,2024-01-01', { ctx: w.jpManager })).toMatchObject({
      created: 1,
    });
    expect((await fails(run(FILE, { ctx: w.auditor }))).code).toBe('forbidden');
  });
});

import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { systemCtx } from '../../lib/context.js';
import { rowsOf } from '../../lib/sql.js';
import { openTestDatabase } from '../../test/db.js';
import {
  buildTestApp,
  createTestOrg,
  ctxAs,
  type Session,
  signIn,
  TEST_PASSWORD,
  type TestOrg,
} from '../../test/factories.js';
import { createUser } from '../auth/users.service.js';
import { programs } from './programs.table.js';
import { importSurveyResponses } from './surveys.import.js';
import { surveyIndicatorFigures } from './surveys.results.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let manager: Session;
let usManager: Session;
let programId: string;
let surveyId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'SRV');
  const [p] = await database.db
    .insert(programs)
    .values({
      orgId: org.orgId,
      code: 'FUTURE',
      nameJa: '未来創造',
      framework: 'company_program',
      companyId: org.companies.jp,
      startYear: 2023,
    })
    .returning();
  programId = p.id;
  app = await buildTestApp(database);
  manager = await signIn(app, org.users.program_manager.email);
  await createUser(systemCtx(database.db, org.orgId), {
    email: 'us-pm@srv.test',
    password: TEST_PASSWORD,
    grants: [{ role: 'program_manager', scopeType: 'company', companyId: org.companies.us }],
  });
  usManager = await signIn(app, 'us-pm@srv.test');
});

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, as = manager) =>
  app.inject({ method, url, payload, headers: as.headers });

const upload = (csv: string | Buffer, query = '') =>
  app.inject({
    method: 'POST',
    url: `/api/programs/${programId}/imports/survey-responses?survey=FUTURE-2023&fileName=r.csv${query}`,
    payload: csv,
    headers: { ...manager.headers, 'content-type': 'text/csv' },
  });

// 70 students: everyone's understanding 3 or 4 of 4; 63 of 70 say their interest grew.
const RESPONSES = [
  '\uFEFFrespondent_ref,respondent_kind,submitted_on,understanding,interest,comment',
  ...Array.from({ length: 70 }, (_, i) =>
    [
      `S${String(i + 1).padStart(3, '0')}`,
      '生徒',
      '2023-11-20',
      i % 2 ? 4 : 3,
      i < 63 ? 'はい' : 'いいえ',
      i === 0 ? '楽しかった' : '',
    ].join(','),
  ),
].join('\r\n');

describe('surveys', () => {
  it('creates a survey with questions of three kinds and indicators', async () => {
    const created = await call('POST', `/api/programs/${programId}/surveys`, {
      code: 'FUTURE-2023',
      titleJa: '授業アンケート',
      fiscalYear: 2023,
    });
    expect(created.statusCode, created.body).toBe(201);
    surveyId = created.json().id;
    const questions = await call('PUT', `/api/surveys/${surveyId}/questions`, {
      items: [
        { code: 'understanding', kind: 'scale', textJa: '理解が深まった', scaleMin: 1, scaleMax: 4 },
        { code: 'interest', kind: 'yes_no', textJa: '関心が高まった' },
        { code: 'comment', kind: 'text', textJa: '感想', textEn: 'Comments' },
      ],
    });
    expect(questions.statusCode, questions.body).toBe(200);
    const indicators = await call('PUT', `/api/surveys/${surveyId}/indicators`, {
      items: [
        { code: 'deepened', questionCode: 'understanding', labelJa: '理解が深まった割合', threshold: 3 },
        { code: 'interest_grew', questionCode: 'interest', labelJa: '関心が高まった割合' },
      ],
    });
    expect(indicators.json()).toMatchObject({
      questions: 3,
      indicators: [
        { code: 'deepened', threshold: 3 },
        { code: 'interest_grew', threshold: 1 },
      ],
    });
  });

  it('gives null indicators before any response', async () => {
    const res = (await call('GET', `/api/surveys/${surveyId}/results`)).json();
    expect(res.indicators.map((i: { value: unknown; n: number }) => [i.value, i.n])).toEqual([
      [null, 0],
      [null, 0],
    ]);
  });

  it('refuses bad indicators and scales', async () => {
    const bad = await call('PUT', `/api/surveys/${surveyId}/indicators`, {
      items: [
        { code: 'x', questionCode: 'comment', labelJa: 'x' },
        { code: 'y', questionCode: 'understanding', labelJa: 'y', threshold: 5 },
        { code: 'z', questionCode: 'nothing', labelJa: 'z' },
      ],
    });
    expect(bad.json().fields.map((f: { path: string; code: string }) => `${f.path} ${f.code}`)).toEqual([
      'items.0.questionCode indicator_text_question',
      'items.1.threshold threshold_out_of_scale',
      'items.2.questionCode unknown_question',
    ]);
    const scale = await call('PUT', `/api/surveys/${surveyId}/questions`, {
      items: [{ code: 'understanding', kind: 'scale', textJa: 'x', scaleMin: 4, scaleMax: 1 }],
    });
    expect(scale.json().fields[0]).toMatchObject({ path: 'items.0.scaleMax', code: 'scale_range' });
  });

  it('imports responses (UTF-8 with BOM, はい/いいえ) and computes the indicators and distributions', async () => {
    const res = await upload(RESPONSES);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 70, created: 70, updated: 0, committed: true });
    const results = (await call('GET', `/api/surveys/${surveyId}/results`)).json();
    expect(results.responses).toBe(70);
    expect(results.indicators).toEqual([
      expect.objectContaining({ code: 'deepened', value: 1, n: 70 }),
      expect.objectContaining({ code: 'interest_grew', value: 0.9, n: 70 }),
    ]);
    const [understanding, interest, comment] = results.questions;
    expect(understanding.distribution).toEqual([
      { value: 1, count: 0 },
      { value: 2, count: 0 },
      { value: 3, count: 35 },
      { value: 4, count: 35 },
    ]);
    expect(understanding.mean).toBe(3.5);
    expect(interest.distribution).toEqual([
      { value: 1, count: 63 },
      { value: 0, count: 7 },
    ]);
    expect(comment).toMatchObject({ n: 1, texts: ['楽しかった'] });
    expect(results.byRespondentKind).toEqual([{ kind: 'student', count: 70 }]);
  });

  it('is idempotent: the same file again changes nothing; Shift_JIS is read too', async () => {
    const again = await upload(iconv.encode(RESPONSES.replace('\uFEFF', ''), 'Shift_JIS'));
    expect(again.json()).toMatchObject({
      rows: 70,
      created: 0,
      updated: 0,
      unchanged: 70,
      encoding: 'shift_jis',
    });
    const [{ n }] = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from survey_answers where survey_id = ${surveyId}`,
    );
    expect(n).toBe(141);
  });

  it('reports every bad value with its row and column and writes nothing', async () => {
    const csv = 'respondent_ref,interest,understanding\nS001,maybe,4\nS002,yes,9\n';
    const res = await upload(csv);
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .fields.map((f: { row: number; column: string; code: string }) => `${f.row} ${f.column} ${f.code}`),
    ).toEqual(['2 interest invalid_boolean', '3 understanding out_of_scale']);
    const unknown = await upload('respondent_ref,colour\nS001,red\n');
    expect(unknown.json().fields[0]).toMatchObject({ code: 'unknown_column', column: 'colour' });
  });

  it('keeps the kind of a question that has answers', async () => {
    const res = await call('PUT', `/api/surveys/${surveyId}/questions`, {
      items: [
        { code: 'understanding', kind: 'yes_no', textJa: 'x' },
        { code: 'interest', kind: 'yes_no', textJa: '関心' },
      ],
    });
    expect(res.json().fields.map((f: { path: string; code: string }) => `${f.path} ${f.code}`)).toEqual([
      'items.0.kind question_has_answers',
      'items question_has_answers',
    ]);
  });

  it('gives the indicators per fiscal year for the program figures', async () => {
    const ctx = await ctxAs(database, org, 'program_manager');
    const years = await surveyIndicatorFigures(ctx, programId, { from: 2022, to: 2023 });
    expect(years[0]).toEqual({ fiscalYear: 2022, indicators: [] });
    expect(years[1].indicators.map((i) => [i.code, i.value, i.n])).toEqual([
      ['deepened', 1, 70],
      ['interest_grew', 0.9, 70],
    ]);
  });

  it('keeps a company-scoped manager out of another company’s surveys', async () => {
    expect((await call('PATCH', `/api/surveys/${surveyId}`, { titleEn: 'x' }, usManager)).statusCode).toBe(
      403,
    );
    const ctx = await ctxAs(database, org, 'program_manager');
    const scoped = {
      ...ctx,
      actor: {
        ...ctx.actor,
        grants: [
          {
            role: 'program_manager' as const,
            scopeType: 'company' as const,
            companyId: org.companies.us,
            siteId: null,
          },
        ],
      },
    };
    await expect(
      importSurveyResponses(scoped, Readable.from(['respondent_ref\nS900\n']), {
        surveyId,
        fileName: 'x.csv',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('holds one value per answer in the database', async () => {
    await expect(
      database.db.execute(
        sql`update survey_answers set value_text = 'x' where survey_id = ${surveyId} and value_int is not null`,
      ),
    ).rejects.toThrow();
  });
});

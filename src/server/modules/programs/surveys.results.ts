import { sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import type { SurveyIndicatorFigure } from './figures.schema.js';
import { localized } from './records.access.js';
import type { FiscalYearRange } from './records.fields.js';
import type { IndicatorValue, SurveyResults } from './surveys.schema.js';
import { surveyDetail, surveyFor } from './surveys.service.js';

type IndicatorRow = {
  fiscal_year: number;
  survey_id: string;
  code: string;
  label_ja: string | null;
  label_en: string | null;
  question_code: string;
  threshold: number;
  n: unknown;
  hits: unknown;
};

/** Indicator values of the surveys the condition selects: hits / answers (null when nobody answered). */
async function indicatorRows(ctx: Ctx, where: ReturnType<typeof sql>): Promise<IndicatorRow[]> {
  return rowsOf<IndicatorRow>(
    ctx.db,
    sql`select s.fiscal_year, s.id as survey_id, i.code, i.label_ja, i.label_en, q.code as question_code,
        i.threshold, count(a.value_int) as n, count(a.value_int) filter (where a.value_int >= i.threshold) as hits
      from surveys s
      join survey_indicators i on i.org_id = s.org_id and i.survey_id = s.id
      join survey_questions q on q.org_id = i.org_id and q.id = i.question_id
      left join survey_answers a on a.org_id = i.org_id and a.question_id = i.question_id
      where s.org_id = ${ctx.orgId} and ${where}
      group by s.fiscal_year, s.code, s.id, i.position, i.code, i.label_ja, i.label_en, q.code, i.threshold
      order by s.fiscal_year, s.code, i.position, i.code`,
  );
}

const shareOf = (r: IndicatorRow) => {
  const n = toNumber(r.n);
  return { n, value: n === 0 ? null : toNumber(r.hits) / n };
};

/**
 * A program's survey indicators per fiscal year of the range (one entry per year, oldest first; a
 * year without surveys has none). No permission check: the caller (programFigures) has checked it.
 */
export async function surveyIndicatorFigures(
  ctx: Ctx,
  programId: string,
  range: FiscalYearRange,
): Promise<Array<{ fiscalYear: number; indicators: SurveyIndicatorFigure[] }>> {
  const rows = await indicatorRows(
    ctx,
    sql`s.program_id = ${programId} and s.fiscal_year between ${range.from} and ${range.to}`,
  );
  const out = [];
  for (let fy = range.from; fy <= range.to; fy++) {
    out.push({
      fiscalYear: fy,
      indicators: rows
        .filter((r) => toNumber(r.fiscal_year) === fy)
        .map((r) => ({
          surveyId: r.survey_id,
          code: r.code,
          labelJa: r.label_ja,
          labelEn: r.label_en,
          ...shareOf(r),
        })),
    });
  }
  return out;
}

/**
 * A survey's results: per question the answers' distribution over every value of its scale (0 and 1
 * for yes/no) and mean, or the latest text answers; and its indicators. Throws not_found, forbidden.
 */
export async function surveyResults(ctx: Ctx, surveyId: string): Promise<SurveyResults> {
  const { survey } = await surveyFor(ctx, surveyId, 'programs.read');
  const detail = await surveyDetail(ctx, survey);
  const counts = await rowsOf<{ question_id: string; value_int: number; n: unknown }>(
    ctx.db,
    sql`select question_id, value_int, count(*) as n from survey_answers
      where org_id = ${ctx.orgId} and survey_id = ${surveyId} and value_int is not null
      group by question_id, value_int`,
  );
  const texts = await rowsOf<{ question_id: string; value_text: string }>(
    ctx.db,
    sql`select question_id, value_text from (
        select a.question_id, a.value_text,
          row_number() over (partition by a.question_id order by r.submitted_on desc nulls last, r.respondent_ref) as k
        from survey_answers a join survey_responses r on r.org_id = a.org_id and r.id = a.response_id
        where a.org_id = ${ctx.orgId} and a.survey_id = ${surveyId} and a.value_text is not null) t
      where k <= 50`,
  );
  const kinds = await rowsOf<{ kind: string | null; n: unknown }>(
    ctx.db,
    sql`select respondent_kind as kind, count(*) as n from survey_responses
      where org_id = ${ctx.orgId} and survey_id = ${surveyId} group by 1 order by 1 nulls last`,
  );
  const indicators: IndicatorValue[] = (await indicatorRows(ctx, sql`s.id = ${surveyId}`)).map((r) => ({
    code: r.code,
    label: localized(ctx, r.label_ja, r.label_en),
    labelJa: r.label_ja,
    labelEn: r.label_en,
    questionCode: r.question_code,
    threshold: toNumber(r.threshold),
    ...shareOf(r),
  }));
  return {
    surveyId,
    responses: detail.responses,
    byRespondentKind: kinds.map((k) => ({ kind: k.kind, count: toNumber(k.n) })),
    questions: detail.questionList.map((q) => {
      const mine = counts.filter((c) => c.question_id === q.id);
      const values =
        q.kind === 'scale'
          ? Array.from(
              { length: (q.scaleMax as number) - (q.scaleMin as number) + 1 },
              (_, i) => (q.scaleMin as number) + i,
            )
          : q.kind === 'yes_no'
            ? [1, 0]
            : [];
      const distribution = values.map((value) => ({
        value,
        count: toNumber(mine.find((c) => toNumber(c.value_int) === value)?.n),
      }));
      const n = q.kind === 'text' ? q.answers : distribution.reduce((s, d) => s + d.count, 0);
      const sum = distribution.reduce((s, d) => s + d.value * d.count, 0);
      return {
        code: q.code,
        kind: q.kind,
        text: q.text,
        n,
        mean: q.kind === 'scale' && n > 0 ? sum / n : null,
        distribution,
        texts: texts.filter((t) => t.question_id === q.id).map((t) => t.value_text),
      };
    }),
    indicators,
  };
}

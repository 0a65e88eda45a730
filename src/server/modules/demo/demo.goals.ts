import type { Tx } from '../../db/client.js';
import { goalProgress, metrics, targets, yearlyGoals } from '../goals/goals.table.js';

/** The plan of the seeds: April 2021 to March 2026 ("by FY2026"). */
export const PLAN = { start: '2021-04-01', end: '2026-03-31' } as const;

/** Metrics bound to computed figures (goals/goals.bindings.ts): never typed, computed for any period. */
const METRICS = [
  {
    code: 'NEW-REGISTRANTS',
    nameJa: 'ボランティアサポートサービス新規登録者数',
    nameEn: 'New registrants with the Volunteer Support Service',
    unitJa: '人',
    unitEn: 'people',
    binding: 'volunteering.new_registrants',
    params: {},
  },
  {
    code: 'REGISTRANTS-SINCE-2021',
    nameJa: '2021年4月以降の新規登録者数（累計）',
    nameEn: 'New registrants since April 2021 (cumulative)',
    unitJa: '人',
    unitEn: 'people',
    binding: 'volunteering.registrants',
    params: { since: PLAN.start },
  },
  {
    code: 'PARTICIPANTS',
    nameJa: '社員参加者数',
    nameEn: 'Employee participants',
    unitJa: '人',
    unitEn: 'people',
    binding: 'volunteering.participants',
    params: {},
  },
  {
    code: 'AGREEMENTS',
    nameJa: '包括連携協定の締結数',
    nameEn: 'Comprehensive cooperation agreements concluded',
    unitJa: '件',
    unitEn: 'agreements',
    binding: 'partners.comprehensive_agreements',
    params: {},
  },
] as const;

const RANGE = {
  titleJa: '企業市民活動の裾野拡大',
  titleEn: 'Expand range of corporate citizenship',
};
const VALUE = {
  titleJa: '社会価値創造の起点としての企業市民活動の活用',
  titleEn: 'Utilize corporate citizenship as a launching point for social value creation',
};

/** Yearly goals of fiscal 2023 and 2024 (start years; "FY2024" and "FY2025" in English). */
function yearlyOf(fy: number) {
  return [
    {
      target: 'RANGE',
      textJa:
        'NECボランティアサポートサービス（社会感度の高い社員のデータベース）の新規登録者を年間1,200人増やす',
      textEn:
        'Increase the number of new employees registered for the Volunteer Support Service (a database of employees with high social awareness) by 1,200 people per year',
      metric: 'NEW-REGISTRANTS',
      comparison: 'at_least',
      goalValue: '1200',
    },
    {
      target: 'RANGE',
      textJa: '社員の参加者数を増やす（前年度比）',
      textEn: 'Increase the number of employee participants (compared to the previous fiscal year)',
      metric: 'PARTICIPANTS',
      comparison: 'increase',
      goalValue: null,
    },
    {
      target: 'VALUE',
      textJa:
        '新事業創出の起点、事業活動の支援、地域との関係構築に企業市民活動を活用する（包括連携協定の締結など）',
      textEn:
        'Utilize corporate citizenship as a launching point for new business creation, support business activities and forge relationships with local communities (reach comprehensive cooperation agreements, etc.)',
      metric: 'AGREEMENTS',
      comparison: 'at_least',
      goalValue: '1',
    },
  ].map((g, position) => ({ ...g, fy, position }));
}

/** Progress, achievements and issues by target and year, in the seeds' words (figures are computed, never typed). */
const PROGRESS: Record<'RANGE' | 'VALUE', Record<number, Record<string, string>>> = {
  RANGE: {
    2023: {
      progressJa:
        '国内の全社員が気軽に主体的に参加できるよう、オンラインを中心に多様な機会を創出した結果、ボランティアサポートサービスの新規登録者が大きく増えました。社員の参加者も前年度から増加しました。',
      progressEn:
        'NEC created various opportunities, mainly online, for all employees in Japan to participate easily and proactively. As a result, the number of newly registered employees for the Volunteer Support Service increased sharply, and employee participants increased from the previous fiscal year.',
      issuesJa: '登録後に活動へ参加していない社員へのきっかけづくりが課題です。',
      issuesEn: 'The issue is to give registered employees who have not yet taken part a reason to start.',
    },
    2024: {
      progressJa: 'オンラインと地域の活動を組み合わせ、新規登録と参加の拡大を続けています。',
      progressEn:
        'Combining online and local activities, NEC continues to widen new registrations and participation.',
    },
  },
  VALUE: {
    2023: {
      achievementsJa:
        '福島県と、DXの推進と県産品の振興に向けた包括連携協定を締結しました。\n社会福祉法人川崎市社会福祉協議会と、地域共生社会の実現とSDGsの達成に向けた連携協定を締結しました。',
      achievementsEn:
        'Entered into a comprehensive cooperation agreement with Fukushima Prefecture to promote digital transformation (DX) and local products.\nEntered into a partnership with Kawasaki City Council of Social Welfare, a social welfare corporation, to help achieve a community-based society and the SDGs.',
      issuesJa: '協定のもとでの共創を事業機会につなげる仕組みづくりが課題です。',
      issuesEn: 'The issue is to turn co-creation under the agreements into business opportunities.',
    },
  },
};

/**
 * The demo's goals and indicators (issue #6): the seeds' medium- to long-term plan (April 2021 to
 * March 2026) — 10,000 new registrants (materiality, M) and corporate citizenship as a launching point
 * for social value creation — with the yearly goals of fiscal 2023 and 2024 and their progress,
 * achievements and issues in both languages. The metrics are bound, so every actual is computed.
 */
export async function insertGoalsDemo(tx: Tx, orgId: string): Promise<{ targets: number; goals: number }> {
  const metricRows = await tx
    .insert(metrics)
    .values(METRICS.map((m) => ({ ...m, orgId, kind: 'bound' })))
    .returning({ id: metrics.id, code: metrics.code });
  const metricId = new Map(metricRows.map((m) => [m.code, m.id]));
  const [range, value] = await tx
    .insert(targets)
    .values([
      {
        orgId,
        code: 'RANGE',
        ...RANGE,
        descriptionJa:
          'NECボランティアサポートサービスのデータベースの新規登録者数 2025年度までに10,000人を目指す',
        descriptionEn: 'Aim for 10,000 new registrants with the Volunteer Support Service database by FY2026',
        periodStart: PLAN.start,
        periodEnd: PLAN.end,
        metricId: metricId.get('REGISTRANTS-SINCE-2021')!,
        targetValue: '10000',
        materiality: true,
        position: 0,
      },
      {
        orgId,
        code: 'VALUE',
        ...VALUE,
        periodStart: PLAN.start,
        periodEnd: PLAN.end,
        materiality: false,
        position: 1,
      },
    ])
    .returning({ id: targets.id });
  const targetId = { RANGE: range.id, VALUE: value.id };
  const goals = [2023, 2024].flatMap(yearlyOf);
  await tx.insert(yearlyGoals).values(
    goals.map((g) => ({
      orgId,
      fiscalYear: g.fy,
      targetId: targetId[g.target as 'RANGE' | 'VALUE'],
      textJa: g.textJa,
      textEn: g.textEn,
      metricId: metricId.get(g.metric)!,
      comparison: g.comparison,
      goalValue: g.goalValue,
      position: g.position,
    })),
  );
  await tx.insert(goalProgress).values(
    (['RANGE', 'VALUE'] as const).flatMap((t) =>
      Object.entries(PROGRESS[t]).map(([fy, texts]) => ({
        orgId,
        targetId: targetId[t],
        fiscalYear: Number(fy),
        ...texts,
      })),
    ),
  );
  return { targets: 2, goals: goals.length };
}

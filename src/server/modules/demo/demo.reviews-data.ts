import type { ReviewDecision } from '../evaluation/evaluation.schema.js';

/** The five criteria the demo organisation reviews its programs by. */
export const DEMO_CRITERIA = [
  {
    code: 'SOCIAL_IMPACT',
    nameJa: '社会的インパクト',
    nameEn: 'Social impact',
    descriptionJa: '受益者や地域社会にどのような変化をもたらしたか。',
    descriptionEn: 'What changed for the beneficiaries and the community.',
  },
  {
    code: 'MATERIALITY',
    nameJa: 'マテリアリティとの整合',
    nameEn: 'Alignment with the materiality themes',
    descriptionJa: '当社グループの重要課題（マテリアリティ）への貢献度。',
    descriptionEn: 'How far the program serves the group’s material themes.',
  },
  {
    code: 'EMPLOYEE_ENGAGEMENT',
    nameJa: '社員の参画',
    nameEn: 'Employee engagement',
    descriptionJa: '社員の参加人数、スキルの活用、参加者の満足度。',
    descriptionEn: 'How many employees took part, the skills they used, how they rated it.',
  },
  {
    code: 'PARTNER_FEEDBACK',
    nameJa: 'パートナーからの評価',
    nameEn: 'Partner feedback',
    descriptionJa: 'NPO・自治体・学校などパートナーからの評価と継続意向。',
    descriptionEn: 'What NPOs, municipalities and schools say, and whether they want to continue.',
  },
  {
    code: 'COST_EFFICIENCY',
    nameJa: '費用対効果',
    nameEn: 'Cost efficiency',
    descriptionJa: '投入した費用・工数に見合う成果が出ているか。',
    descriptionEn: 'Whether the results justify the money and time put in.',
  },
] as const;

/**
 * Reviews per program code: fixed fiscal years (those the seed's figures belong to) and, with
 * `latest`, the last complete fiscal year before the demo's today. `lag` reviews a year earlier
 * still (that program's review is overdue). Month and day: when in the year after it the review met.
 */
export type DemoReviewPlan = {
  code: string;
  fixed: { fiscalYear: number; decision: ReviewDecision }[];
  latest?: ReviewDecision;
  lag?: boolean;
  month: number;
  day: number;
};

export const DEMO_REVIEW_PLANS: DemoReviewPlan[] = [
  {
    code: 'SES',
    fixed: [
      { fiscalYear: 2022, decision: 'improve' },
      { fiscalYear: 2023, decision: 'continue' },
    ],
    latest: 'continue',
    month: 5,
    day: 28,
  },
  {
    code: 'PROBONO',
    fixed: [
      { fiscalYear: 2018, decision: 'revise' },
      { fiscalYear: 2023, decision: 'improve' },
    ],
    latest: 'continue',
    month: 6,
    day: 12,
  },
  {
    code: 'FUTURE',
    fixed: [{ fiscalYear: 2023, decision: 'continue' }],
    latest: 'improve',
    month: 6,
    day: 20,
  },
  { code: 'ENET', fixed: [], latest: 'improve', month: 7, day: 3 },
  { code: 'PARASPORTS', fixed: [], latest: 'continue', month: 7, day: 10 },
  { code: 'WTENNIS', fixed: [], latest: 'continue', lag: true, month: 7, day: 17 },
  { code: 'DIALOGUE', fixed: [], latest: 'revise', month: 9, day: 9 },
  { code: 'INDIA', fixed: [], latest: 'continue', month: 8, day: 5 },
  { code: 'US-TX', fixed: [], latest: 'improve', month: 8, day: 19 },
  { code: 'THAI', fixed: [], latest: 'revise', month: 8, day: 26 },
];

/** Scores a decision tends to come with (low, high). */
export const SCORE_RANGE: Record<ReviewDecision, [number, number]> = {
  continue: [4, 5],
  improve: [3, 4],
  revise: [2, 3],
  end: [1, 2],
};

export const DEMO_COMMENTS: Record<string, string[]> = {
  SOCIAL_IMPACT: [
    '受益者の変化が定量・定性の両面で確認できた。',
    '成果指標の設定が今後の課題。',
    '地域での波及効果が見られる。',
  ],
  MATERIALITY: ['重要課題との結びつきが明確。', '事業との接点をさらに強められる。'],
  EMPLOYEE_ENGAGEMENT: [
    '参加社員が前年より増加。',
    'プロボノ参加者の満足度が高い。',
    '参加部門の偏りがある。',
  ],
  PARTNER_FEEDBACK: ['パートナーから継続の要望あり。', '役割分担の明確化を求める声があった。'],
  COST_EFFICIENCY: [
    '費用に見合う成果。',
    '運営工数の削減余地がある。',
    '経費データは会計モジュール導入後に確認。',
  ],
};

export const DEMO_SUMMARIES: Record<
  ReviewDecision,
  { ja: string; en: string; actionsJa: string; actionsEn: string }
> = {
  continue: {
    ja: '目標を概ね達成し、パートナーとの関係も良好。現行の枠組みで継続する。',
    en: 'Targets broadly met and the partnership is strong: continue as it is.',
    actionsJa: '成果指標を年次で追跡し、社内外への発信を強化する。',
    actionsEn: 'Track the indicators every year and report the results inside and outside the group.',
  },
  improve: {
    ja: '一定の成果はあるが、社員参画と成果測定に改善の余地がある。',
    en: 'Some results, but employee engagement and the measurement of outcomes need work.',
    actionsJa: '参加募集の方法を見直し、アンケートに成果指標を追加する。',
    actionsEn: 'Rethink how employees are recruited and add outcome questions to the survey.',
  },
  revise: {
    ja: '目的と実施方法の見直しが必要。パートナーと再設計する。',
    en: 'The aims and the way it runs need rethinking, with the partners.',
    actionsJa: 'パートナーとの協議の場を設け、次年度計画を再設計する。',
    actionsEn: 'Meet the partners and redesign next year’s plan together.',
  },
  end: {
    ja: '所期の目的を達成したため終了する。',
    en: 'It has achieved what it set out to do and ends.',
    actionsJa: '成果をまとめ、パートナーへ引き継ぐ。',
    actionsEn: 'Write up the results and hand over to the partners.',
  },
};

/** B4SI impact of the demo: Future Creation's students (fiscal 2023) and the school's entrepreneurs. */
export const DEMO_IMPACTS = [
  {
    code: 'FUTURE',
    fiscalYear: 2023,
    assessed: 70,
    connect: 7,
    improve: 51,
    transform: 12,
    behaviourChange: 38,
    skillsChange: 46,
    qualityOfLifeChange: 9,
    method:
      '授業後アンケート（70名）と教員ヒアリング / Post-class survey of 70 students and teacher interviews',
  },
  {
    code: 'SES',
    fiscalYear: 2022,
    assessed: 11,
    connect: 2,
    improve: 6,
    transform: 3,
    behaviourChange: 8,
    skillsChange: 10,
    qualityOfLifeChange: 4,
    method: '卒業起業家への年次インタビュー / Yearly interviews with the graduate entrepreneurs',
  },
  {
    code: 'SES',
    fiscalYear: 2023,
    assessed: 12,
    connect: 2,
    improve: 6,
    transform: 4,
    behaviourChange: 9,
    skillsChange: 11,
    qualityOfLifeChange: 5,
    method: '卒業起業家への年次インタビュー / Yearly interviews with the graduate entrepreneurs',
  },
] as const;

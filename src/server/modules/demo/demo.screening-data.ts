/** The demo's selection guidelines: v1 (2019, retired) and v2 (2023, active), from the seed's policy. */

export type DemoCriterion = {
  code: string;
  textJa: string;
  textEn: string;
  evidenceJa: string;
  evidenceEn: string;
  required: boolean;
};

const LEGAL: DemoCriterion = {
  code: 'LEGAL_ENTITY',
  textJa: '法人格を有し、登記事項と定款で目的・所在地・代表者を確認できる',
  textEn: 'Is a legal entity whose registration and articles show its purpose, address and representative',
  evidenceJa: '定款、登記事項証明書',
  evidenceEn: 'Articles of incorporation, certificate of registered matters',
  required: true,
};
const ACCOUNTS: DemoCriterion = {
  code: 'FINANCIALS',
  textJa: '直近2期分の決算書（活動計算書・貸借対照表）を公開している',
  textEn: 'Publishes its accounts (statement of activities, balance sheet) for the last two years',
  evidenceJa: '決算書',
  evidenceEn: 'Financial statements',
  required: true,
};
const ANTISOCIAL: DemoCriterion = {
  code: 'ANTI_SOCIAL',
  textJa: '反社会的勢力でなく、反社会的勢力と関係を持たないことを確認した',
  textEn: 'Is not, and has no ties with, an anti-social force',
  evidenceJa: '反社会的勢力でないことの確認書',
  evidenceEn: 'Signed declaration of no ties with anti-social forces',
  required: true,
};
const NEUTRAL: DemoCriterion = {
  code: 'NON_POLITICAL',
  textJa: '政治活動・宗教活動を主たる目的としていない',
  textEn: 'Does not mainly pursue political or religious activities',
  evidenceJa: '定款、事業計画書',
  evidenceEn: 'Articles of incorporation, business plan',
  required: true,
};

export const DEMO_GUIDELINE_V1 = {
  version: 1,
  titleJa: '社会貢献活動におけるパートナー選定ガイドライン',
  titleEn: 'Guidelines for selecting partners of our social contribution',
  policyJa:
    '当社グループは、社会課題の解決に取り組む団体と協働し、寄付・助成・協働プログラムを通じて支援します。支援先は本ガイドラインの基準で審査し、適格と判断した団体に限ります。',
  policyEn:
    'Our group works with organisations that tackle social issues and supports them through donations, grants and joint programs. We support only organisations screened against these guidelines and found eligible.',
  validityMonths: 24,
  createdOn: '2019-04-01',
  criteria: [
    LEGAL,
    {
      code: 'TRACK_RECORD',
      textJa: '3年以上の活動実績がある',
      textEn: 'Has been active for three years or more',
      evidenceJa: '活動報告書',
      evidenceEn: 'Activity reports',
      required: true,
    },
    ACCOUNTS,
    ANTISOCIAL,
    NEUTRAL,
  ] as DemoCriterion[],
};

export const DEMO_GUIDELINE_V2 = {
  version: 2,
  titleJa: '社会貢献活動におけるパートナー選定方針・ガイドライン（2023年改定）',
  titleEn: 'Partner selection policy and guidelines (revised 2023)',
  policyJa:
    '当社グループは「教育・文化・スポーツ」「福祉・ダイバーシティ」「環境」「地域」の4分野で、社会課題の解決に取り組む団体と協働します。寄付・助成・新規プログラムの相手先は、本ガイドラインの全必須項目を根拠資料とともに確認し、2年ごとに再審査します。',
  policyEn:
    'Our group works in four fields (education, culture and sports; welfare and diversity; environment; regions) with organisations that tackle social issues. Every recipient of donations, grants or new programs is checked against each required criterion with evidence, and re-screened every two years.',
  validityMonths: 24,
  createdOn: '2023-03-15',
  criteria: [
    LEGAL,
    ACCOUNTS,
    {
      code: 'ACTIVITY_REPORT',
      textJa: '活動報告書で直近の事業実績と受益者数を確認できる',
      textEn: 'Its activity report shows recent work and the people it reached',
      evidenceJa: '活動報告書（年次報告書）',
      evidenceEn: 'Annual activity report',
      required: true,
    },
    ANTISOCIAL,
    NEUTRAL,
    {
      code: 'GOVERNANCE',
      textJa: '役員名簿と理事会等の意思決定の仕組みが整っている',
      textEn: 'Has a list of officers and a board (or similar) that takes decisions',
      evidenceJa: '役員名簿、理事会議事録',
      evidenceEn: 'List of officers, board minutes',
      required: true,
    },
    {
      code: 'FIELDS',
      textJa: '当社の重点分野（教育・文化・スポーツ、福祉・ダイバーシティ、環境、地域）と合致する',
      textEn:
        'Works in one of our fields (education, culture and sports; welfare and diversity; environment; regions)',
      evidenceJa: '事業概要',
      evidenceEn: 'Outline of its work',
      required: false,
    },
  ] as DemoCriterion[],
};

/** The partner whose eligibility ran out (overdue), the one due within 30 days, the one that failed. */
export const DEMO_OVERDUE = 'WAJIMA-VC';
export const DEMO_DUE_SOON = 'MANABI';
export const DEMO_FAILED = 'CLIMATE-NET';

/** An NPO that applied and was never screened (not eligible): shows on the due list with "never screened". */
export const DEMO_APPLICANT = {
  code: 'MIRAI-KODOMO',
  nameJa: 'NPO法人みらい子ども応援ネット',
  nameEn: 'Mirai Children Support Network',
  kind: 'npo',
};

/** What the screener wrote as evidence, by criterion code, for a public body and for a private one. */
export function demoEvidence(code: string, publicBody: boolean, year: number): string {
  const fy = `${year}年度`;
  const texts: Record<string, [string, string]> = {
    LEGAL_ENTITY: [
      '地方公共団体（地方自治法）。団体コードを確認',
      '定款・登記事項証明書を受領（写しを保管）',
    ],
    TRACK_RECORD: ['公共団体のため該当（行政計画で確認）', '過去3年分の活動報告書で確認'],
    FINANCIALS: [`${fy}決算を公表資料で確認`, `${fy}・前年度の決算書を確認`],
    ACTIVITY_REPORT: ['事業報告・行政評価資料で確認', `${fy}年次報告書で事業実績・受益者数を確認`],
    ANTI_SOCIAL: ['公共団体のため確認書不要（該当）', '反社会的勢力でないことの確認書を受領'],
    NON_POLITICAL: ['公共団体', '定款の目的・事業計画書で確認'],
    GOVERNANCE: ['議会・首長による意思決定', '役員名簿・理事会議事録を確認'],
    FIELDS: ['地域', '事業概要で重点分野との合致を確認'],
  };
  const pair = texts[code] ?? ['確認済', '確認済'];
  return publicBody ? pair[0] : pair[1];
}

import { type ReportDocument, ReportDocumentSchema } from './report.schema.js';

/**
 * A hand-built report of "fiscal 2024" (2023年度) that reads like the seeds, for the page's and the
 * exports' unit tests. Every Japanese text carries "【JA】" and every English one "[EN]" so a test can
 * prove that a page never shows the other language.
 */

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const line = (code: string, labelJa: string, labelEn: string, amountJpy: number, ref: string) => ({
  code,
  labelJa: `${labelJa}【JA】`,
  labelEn: `${labelEn} [EN]`,
  amountJpy,
  ref,
});
const field = (code: string, ja: string, en: string, amountJpy: number) =>
  line(code, ja, en, amountJpy, `expenses.field.${code}`);

const goal = (
  n: number,
  over: Partial<ReportDocument['goals'][number]>,
): ReportDocument['goals'][number] => ({
  id: id(n),
  kind: 'yearly',
  targetId: id(100),
  fiscalYear: 2023,
  textJa: null,
  textEn: null,
  materiality: false,
  periodStart: null,
  periodEnd: null,
  metric: null,
  comparison: 'none',
  target: null,
  actual: null,
  previous: null,
  status: 'reported',
  ref: null,
  ...over,
});

const registrants = {
  code: 'NEW_REGISTRANTS',
  nameJa: 'ボランティア支援サービス新規登録者数【JA】',
  nameEn: 'New registrants with the Volunteer Support Service [EN]',
  unitJa: '名',
  unitEn: 'people',
  bound: true,
};

export function sampleReportDocument(lang: 'ja' | 'en', over: Partial<ReportDocument> = {}): ReportDocument {
  const ja = lang === 'ja';
  const text = (j: string, e: string) => (ja ? `${j}【JA】` : `${e} [EN]`);
  const doc: ReportDocument = {
    fiscalYear: 2024,
    startYear: 2023,
    lang,
    status: 'published',
    publishedAt: '2024-07-01T00:00:00.000Z',
    computedAt: '2024-06-30T09:00:00.000Z',
    closedAt: '2024-06-20T09:00:00.000Z',
    amountUnitJa: 'oku',
    organisation: { code: 'DEMO', name: text('共生グループ', 'Kyosei Group') },
    period: { start: '2023-04-01', end: '2024-03-31', label: ja ? '2023年度' : 'fiscal 2024' },
    expenses: {
      totalJpy: 828_123_456,
      totalRef: 'expenses.total',
      byType: [
        line('cash', '金銭的支援', 'Financial assistance', 612_000_000, 'expenses.type.cash'),
        line('products', '製品寄贈', 'Products', 150_123_456, 'expenses.type.products'),
        line('facilities', '施設開放', 'Facilities', 66_000_000, 'expenses.type.facilities'),
      ],
      byField: [
        field('education', '教育・社会教育', 'Education', 260_000_000),
        field('academic_research', '学術・研究', 'Academic research', 180_000_000),
        field('culture_arts', '文化・芸術', 'Culture and arts', 140_000_000),
        field('health_sports', '健康・医学、スポーツ', 'Health, medicine and sports', 120_000_000),
        field('disaster_relief', '災害被災地支援', 'Disaster relief', 20_000_000),
        field('social_welfare', '社会福祉', 'Social welfare', 60_123_456),
        field('environment', '環境', 'Environment', 48_000_000),
      ],
      byCompanyField: [
        line(
          'education_culture_sports',
          '教育・文化・スポーツ',
          'Education, culture and sports',
          600_000_000,
          'expenses.companyField.education_culture_sports',
        ),
        line(
          'welfare_diversity',
          '福祉・ダイバーシティ',
          'Welfare and diversity',
          228_123_456,
          'expenses.companyField.welfare_diversity',
        ),
      ],
      trend: [2019, 2020, 2021, 2022, 2023].map((y, i) => ({
        fiscalYear: y,
        labelJa: `${y}年度`,
        labelEn: `fiscal ${y + 1}`,
        totalJpy: [610_000_000, 540_000_000, 700_000_000, 760_000_000, 828_123_456][i],
        ref: `expenses.trend.${y}`,
      })),
      keidanren: {
        totalJpy: 840_000_000,
        giftsJpy: 500_000_000,
        ownProgramsJpy: 340_000_000,
        disasterReliefJpy: 20_000_000,
        byField: [field('education', '教育・社会教育', 'Education', 270_000_000)],
      },
      b4si: {
        totalJpy: 790_000_000,
        cashJpy: 612_000_000,
        timeJpy: 40_000_000,
        inKindJpy: 118_000_000,
        managementJpy: 20_000_000,
        byCause: [line('education', '教育', 'Education', 400_000_000, 'expenses.b4si.cause.education')],
        byMotivation: [
          line(
            'community_investment',
            '地域社会への投資',
            'Community investment',
            700_000_000,
            'expenses.b4si.motivation.community_investment',
          ),
        ],
        byRegion: [
          line(
            'asia_pacific',
            'アジア太平洋',
            'Asia Pacific',
            760_000_000,
            'expenses.b4si.region.asia_pacific',
          ),
        ],
        marketValued: { count: 12, amountJpy: 30_000_000 },
        leverage: { employeeDonationsJpy: 8_400_000, pointDonationsJpy: 2_100_000, ownTimeHours: 5230.5 },
      },
      byExpenseType: [{ type: 'cash_donation', amountJpy: 600_000_000 }],
    },
    volunteering: {
      newRegistrants: 1338,
      registrantsSincePlanStart: 8721,
      planStart: '2021-04-01',
      participants: 13000,
      previousParticipants: 9520,
      participantsChange: 3480,
      hours: 41250.5,
      refs: {
        newRegistrants: 'volunteering.newRegistrants',
        registrantsSincePlanStart: 'volunteering.registrantsSincePlanStart',
        participants: 'volunteering.participants',
        hours: 'volunteering.hours',
      },
    },
    goals: [
      goal(100, {
        kind: 'target',
        targetId: null,
        fiscalYear: null,
        textJa: '企業市民活動の裾野拡大【JA】',
        textEn: 'Expand range of corporate citizenship [EN]',
        materiality: true,
        periodStart: '2021-04-01',
        periodEnd: '2026-03-31',
        metric: registrants,
        comparison: 'at_least',
        target: 10000,
        actual: 8721,
        status: 'on_track',
        ref: 'goals.target.100',
      }),
      goal(101, {
        kind: 'target',
        targetId: null,
        fiscalYear: null,
        textJa: '社会価値創造の起点としての企業市民活動の活用【JA】',
        textEn: 'Utilize corporate citizenship as a launching point for social value creation [EN]',
        periodStart: '2021-04-01',
        periodEnd: '2026-03-31',
      }),
      goal(102, {
        textJa: '新規登録者数を年間1,200名増やす【JA】',
        textEn: 'Increase new registrants by 1,200 people per year [EN]',
        metric: registrants,
        comparison: 'at_least',
        target: 1200,
        actual: 1338,
        status: 'achieved',
        ref: 'goals.yearly.102',
      }),
      goal(103, {
        textJa: '参加者数の増加（前年度比）【JA】',
        textEn: 'Increase the number of employee participants [EN]',
        comparison: 'increase',
        actual: 13000,
        previous: 9520,
        status: 'achieved',
        ref: 'goals.yearly.103',
      }),
      goal(104, {
        targetId: id(101),
        textJa: '包括連携協定の締結など【JA】',
        textEn: 'Reach comprehensive cooperation agreements, etc. [EN]',
      }),
    ],
    nextYearGoals: [
      goal(105, {
        fiscalYear: 2024,
        textJa: '新規登録者数を年間1,200名増やす【JA】',
        textEn: 'Increase new registrants by 1,200 people per year [EN]',
        comparison: 'at_least',
        target: 1200,
        status: 'in_progress',
      }),
    ],
    progress: [
      {
        targetId: id(100),
        progressJa: 'オンラインを中心に多様な機会を創出した【JA】',
        progressEn: 'Created various opportunities, mainly online [EN]',
        achievementsJa: '新規登録者数が1年で1,338名増加【JA】',
        achievementsEn: 'New registrants increased sharply, by 1,338 people in a year [EN]',
        issuesJa: null,
        issuesEn: null,
      },
      {
        targetId: id(101),
        progressJa: null,
        progressEn: null,
        achievementsJa: '- 福島県との包括連携協定【JA】\n- 川崎市社会福祉協議会との連携協定【JA】',
        achievementsEn:
          '- Comprehensive cooperation agreement with Fukushima Prefecture [EN]\n- Partnership with Kawasaki City Council of Social Welfare [EN]',
        issuesJa: '事業創出へのつなぎ方【JA】',
        issuesEn: 'How to lead to new business [EN]',
      },
    ],
    programs: [
      {
        id: id(200),
        code: 'SES',
        nameJa: 'NEC社会起業塾【JA】',
        nameEn: 'NEC Social Entrepreneurship School [EN]',
        figures: [
          {
            key: 'graduatesTotal',
            labelJa: '卒業団体数（累計）【JA】',
            labelEn: 'Graduate groups (total) [EN]',
            value: 72,
            ref: 'programs.SES.graduatesTotal',
          },
        ],
      },
      {
        id: id(201),
        code: 'FUTURE',
        nameJa: 'NEC未来創造プログラム【JA】',
        nameEn: 'NEC Future Creation Program [EN]',
        figures: [
          {
            key: 'participants',
            labelJa: '参加生徒数【JA】',
            labelEn: 'Students [EN]',
            value: 70,
            ref: 'programs.FUTURE.participants',
          },
          {
            key: 'employees',
            labelJa: '参加社員数【JA】',
            labelEn: 'Employees [EN]',
            value: 47,
            ref: 'programs.FUTURE.employees',
          },
        ],
      },
      {
        id: id(202),
        code: 'ENET',
        nameJa: 'e-ネットキャラバン【JA】',
        nameEn: 'e-Net Caravan [EN]',
        figures: [
          {
            key: 'certified',
            labelJa: '認定講師数【JA】',
            labelEn: 'Certified instructors [EN]',
            value: 333,
            ref: 'programs.ENET.certified',
          },
        ],
      },
    ],
    disaster: [
      {
        campaignId: id(300),
        code: 'MAUI',
        titleJa: 'ハワイ・マウイ島山火事【JA】',
        titleEn: 'Maui wildfires [EN]',
        companyDonationsJpy: 5_000_000,
        matchingJpy: 620_000,
        employeeDonationsJpy: 1_230_000,
        pointDonationsJpy: 310_000,
        donors: 420,
        ref: 'disaster.MAUI',
      },
      {
        campaignId: id(301),
        code: 'NOTO',
        titleJa: '能登半島地震【JA】',
        titleEn: 'Noto Peninsula earthquake [EN]',
        companyDonationsJpy: 15_000_000,
        matchingJpy: 2_100_000,
        employeeDonationsJpy: 4_560_000,
        pointDonationsJpy: 980_000,
        donors: 1210,
        ref: 'disaster.NOTO',
      },
    ],
    drives: [
      {
        driveId: id(400),
        code: 'DRIVE-2023',
        titleJa: '収集活動2023【JA】',
        titleEn: 'Collection drive 2023 [EN]',
        totalJpy: 1_250_000,
        items: [
          {
            code: 'bellmark',
            labelJa: 'ベルマーク【JA】',
            labelEn: 'Bellmark symbols [EN]',
            quantity: 15400,
          },
          { code: 'books', labelJa: '古本【JA】', labelEn: 'Used books [EN]', quantity: 3200 },
        ],
        ref: 'drives.DRIVE-2023',
      },
    ],
    blocks: [
      {
        section: 'policy',
        title: text('取り組み方針', 'Policy on Corporate Citizenship Activities'),
        body: text('NECは社会価値創造型企業として…', 'As stated in our Purpose, NEC…'),
      },
      {
        section: 'framework',
        title: null,
        body: ja
          ? '- 社会貢献プログラム【JA】\n- 地域貢献活動【JA】\n- 財団による助成【JA】'
          : '- Social contribution programs [EN]\n- Local community activities [EN]\n- Grants from foundations [EN]',
      },
      {
        section: 'disaster',
        title: null,
        body: text(
          'マウイ島と能登半島の被災地を支援しました。',
          'We supported the areas affected in Maui and Noto.',
        ),
      },
      {
        section: 'programs',
        programId: id(200),
        title: null,
        body: text('2002年からETICと協働。', 'Since fiscal 2003, with ETIC.'),
      },
      {
        section: 'programs',
        programId: id(201),
        title: text('未来創造', 'Future creation'),
        body: text('高校3校で実施。', 'Held at three high schools.'),
      },
      {
        section: 'volunteering',
        title: null,
        body: text('カフェテリアポイントで支援。', 'Cafeteria points support volunteering.'),
      },
      {
        section: 'regional',
        title: text('インドでの取り組み', 'NEC Corporation India'),
        body: text('農村の子どもたちを支援。', 'Support for children in rural areas.'),
      },
      {
        section: 'goals',
        title: null,
        body: text('対象範囲：日本電気株式会社', 'Scope: NEC Corporation unless otherwise specified'),
      },
    ].map((b, i) => ({ id: id(500 + i), programId: null, ...b }) as ReportDocument['blocks'][number]),
    restatements: [
      {
        id: id(600),
        createdAt: '2024-09-01T00:00:00.000Z',
        reasonJa: '計上漏れの寄付を追加【JA】',
        reasonEn: 'A donation left out of the close [EN]',
        totalJpyBefore: 826_000_000,
        totalJpyAfter: 828_123_456,
      },
    ],
    ...over,
  };
  return ReportDocumentSchema.parse(doc);
}

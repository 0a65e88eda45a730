import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rowsOf } from '../../lib/sql.js';
import {
  programCohorts,
  programGraduates,
  programProjectItems,
  programProjectMembers,
  programProjects,
  programTestimonials,
} from '../programs/records.table.js';
import { mulberry32 } from './demo.generator.js';
import { sample } from './demo.random.js';

/** The School's first and last cohort years (fiscal years by their start year: 2002 is "fiscal 2003"). */
const SES_FIRST = 2002;
const SES_LAST = 2023;
/** Graduate groups of every cohort up to fiscal year 2023 ("72 groups as of fiscal 2024"). */
export const SES_GRADUATE_GROUPS = 72;

/** The graduates the seed names: cohort year, ja/en, venture, the fiscal year the program supported them. */
const NAMED = [
  {
    ref: 'SES-2003-1',
    fy: 2003,
    nameJa: '2004年度卒業生チーム（フローレンスと協働）',
    nameEn: 'Fiscal 2004 graduate team (working with Florence)',
    ventureJa: null,
    ventureEn: null,
    supported: null,
  },
  {
    ref: 'SES-2019-1',
    fy: 2019,
    nameJa: 'mairu tech株式会社',
    nameEn: 'mairu tech Inc.',
    ventureJa: '介護タクシー・民間救急の予約サービス「mairu」',
    ventureEn: '“mairu”, booking welfare taxis and private ambulances',
    supported: 2023,
  },
  {
    ref: 'SES-2020-1',
    fy: 2020,
    nameJa: '株式会社Omohibito',
    nameEn: 'Omohibito Co., Ltd.',
    ventureJa: 'シニア向けテーマパーク「シルバニア」',
    ventureEn: 'Silvernia, a theme park for seniors',
    supported: 2023,
  },
  {
    ref: 'SES-2021-1',
    fy: 2021,
    nameJa: 'BANSO-CO株式会社',
    nameEn: 'BANSO-CO Inc.',
    ventureJa: 'オンラインのメンタルヘルスケア事業',
    ventureEn: 'Online mental healthcare',
    supported: null,
  },
] as const;

/** Graduate groups per cohort year: 3 each, and 4 in six years, 72 in all. */
function groupsPerYear(): Map<number, number> {
  const years = Array.from({ length: SES_LAST - SES_FIRST + 1 }, (_, i) => SES_FIRST + i);
  const extra = new Set(sample(mulberry32(0x73657367), years, SES_GRADUATE_GROUPS - years.length * 3));
  return new Map(years.map((y) => [y, extra.has(y) ? 4 : 3]));
}

async function insertSchool(tx: Tx, orgId: string, programId: string) {
  const perYear = groupsPerYear();
  const cohorts = await tx
    .insert(programCohorts)
    .values(
      [...perYear.keys()].map((fy) => ({
        orgId,
        programId,
        code: String(fy),
        nameJa: `第${fy - SES_FIRST + 1}期（${fy}年度）`,
        nameEn: `Class ${fy - SES_FIRST + 1} (fiscal ${fy + 1})`,
        fiscalYear: fy,
        startsOn: `${fy}-07-01`,
        endsOn: `${fy + 1}-03-31`,
      })),
    )
    .returning({ id: programCohorts.id, fy: programCohorts.fiscalYear });
  const graduates = cohorts.flatMap((c) => {
    const named = NAMED.filter((n) => n.fy === c.fy);
    const generic = Array.from({ length: perYear.get(c.fy)! - named.length }, (_, i) => {
      const k = named.length + i + 1;
      return {
        ref: `SES-${c.fy}-${k}`,
        nameJa: `第${c.fy - SES_FIRST + 1}期 卒業グループ${k}`,
        nameEn: `Class ${c.fy - SES_FIRST + 1} graduate group ${k}`,
        ventureJa: null,
        ventureEn: null,
        supported: null,
      };
    });
    return [...named, ...generic].map((g) => ({
      orgId,
      programId,
      cohortId: c.id,
      externalRef: g.ref,
      kind: 'group',
      nameJa: g.nameJa,
      nameEn: g.nameEn,
      ventureJa: g.ventureJa,
      ventureEn: g.ventureEn,
      supportedFiscalYear: g.supported,
    }));
  });
  await tx.insert(programGraduates).values(graduates);
}

type DemoItem = {
  kind: 'milestone' | 'deliverable' | 'outcome';
  ja: string;
  en: string;
  quantity?: number;
  due?: string;
  done?: string;
};
type DemoProject = {
  code: string;
  partner: string | null;
  fy: number;
  startsOn: string;
  endsOn: string;
  titleJa: string;
  titleEn: string;
  summaryJa: string;
  summaryEn: string;
  team: number;
  items: DemoItem[];
};

const KAKEGAWA: DemoProject = {
  code: '2018-KAKEGAWA',
  partner: 'CITY-KAKEGAWA',
  fy: 2018,
  startsOn: '2018-07-01',
  endsOn: '2019-02-28',
  titleJa: '掛川市 葛布（かっぷ）の利活用拡大戦略',
  titleEn: 'Kakegawa City: a strategy to widen the use of kappu (kudzu cloth)',
  summaryJa:
    '地域の伝統産業を守り次世代に継承するため、掛川市の伝統工芸品である葛布の利活用拡大のための戦略策定に取り組み、葛布に愛着を感じて地域でアクションを起こす人材を増やすことを目標に2回のワークショップを実施した。',
  summaryEn:
    'To protect a local traditional industry and hand it on, the team drew up a strategy to widen the use of kappu, a traditional craft of Kakegawa, and ran two workshops to grow the number of people who act for it locally.',
  team: 6,
  items: [
    {
      kind: 'milestone',
      ja: '第1回ワークショップ',
      en: 'First workshop',
      due: '2018-11-10',
      done: '2018-11-10',
    },
    {
      kind: 'milestone',
      ja: '第2回ワークショップ',
      en: 'Second workshop',
      due: '2019-01-26',
      done: '2019-01-26',
    },
    {
      kind: 'deliverable',
      ja: '葛布の利活用拡大に向けた戦略',
      en: 'Strategy for widening the use of kappu',
      due: '2019-02-28',
      done: '2019-02-28',
    },
    {
      kind: 'outcome',
      ja: '葛布の利活用拡大に向けて生まれたプロジェクト',
      en: 'Projects born to widen the use of kappu',
      quantity: 14,
    },
  ],
};

/** The other municipal projects of fiscal 2018 (the seed names four, Kakegawa among them) and BANSO-CO. */
const PROJECTS: DemoProject[] = [
  KAKEGAWA,
  ...([
    [
      '2018-KAWASAKI',
      'CITY-KAWASAKI',
      '川崎市 地域の担い手づくりに向けた広報戦略',
      'Kawasaki City: a communication plan to find local volunteers',
    ],
    [
      '2018-TOKYO',
      'TOKYO-METRO',
      '東京都 NPOの業務改善支援',
      'Tokyo Metropolitan Government: improving the work of NPOs',
    ],
    [
      '2018-FUKUSHIMA',
      'PREF-FUKUSHIMA',
      '福島県 地域産品の販路拡大に向けた調査',
      'Fukushima Prefecture: research for new markets for local products',
    ],
  ].map(([code, partner, ja, en], i) => ({
    code,
    partner,
    fy: 2018,
    startsOn: `2018-${String(7 + i).padStart(2, '0')}-01`,
    endsOn: '2019-03-15',
    titleJa: ja,
    titleEn: en,
    summaryJa: 'NECプロボノ倶楽部の社員チームが、自治体と連携して地域の課題解決に取り組んだプロジェクト。',
    summaryEn: 'A team of the NEC Pro Bono Club worked with the municipality on a local issue.',
    team: 4 + i,
    items: [
      {
        kind: 'milestone',
        ja: '課題ヒアリング',
        en: 'Hearing the issues',
        due: `2018-${String(8 + i).padStart(2, '0')}-15`,
        done: `2018-${String(8 + i).padStart(2, '0')}-15`,
      },
      { kind: 'deliverable', ja: '提案書', en: 'Proposal', due: '2019-03-15', done: '2019-03-15' },
      { kind: 'outcome', ja: '提案の自治体での活用', en: 'The proposal taken up by the municipality' },
    ],
  })) as DemoProject[]),
  {
    code: '2023-BANSO-CO',
    partner: null,
    fy: 2023,
    startsOn: '2023-06-01',
    endsOn: '2024-01-31',
    titleJa: 'BANSO-CO 資金調達に向けた事業計画づくり',
    titleEn: 'BANSO-CO: a business plan for raising funds',
    summaryJa:
      '社会起業塾の卒業生が設立した東京医科歯科大学発ベンチャーBANSO-CO株式会社（オンラインのメンタルヘルスケア事業）の、資金調達に向けた事業計画づくりをNECプロボノ倶楽部の社員チームが支援した。',
    summaryEn:
      'A team of the NEC Pro Bono Club helped BANSO-CO Inc., a Tokyo Medical and Dental University venture in online mental healthcare founded by a graduate of the School, develop a business plan to raise funds.',
    team: 5,
    items: [
      { kind: 'milestone', ja: 'キックオフ', en: 'Kick-off', due: '2023-06-05', done: '2023-06-05' },
      {
        kind: 'deliverable',
        ja: '資金調達に向けた事業計画',
        en: 'Business plan for fund-raising',
        due: '2024-01-31',
        done: '2024-01-31',
      },
      {
        kind: 'outcome',
        ja: 'NECとの事業連携（NEC Body Care）の後押し',
        en: 'Support for the business collaboration with NEC (NEC Body Care)',
      },
    ],
  },
];

async function insertProjects(tx: Tx, orgId: string, programId: string, companyId: string) {
  const partners = await rowsOf<{ id: string; code: string }>(
    tx,
    sql`select id, code from partners where org_id = ${orgId}`,
  );
  const partnerId = new Map(partners.map((p) => [p.code, p.id]));
  const people = await rowsOf<{ id: string }>(
    tx,
    sql`select id from employees where org_id = ${orgId} and company_id = ${companyId}
      and employment_status = 'active' order by employee_number limit 400`,
  );
  const rng = mulberry32(0x70726f62); // "prob"
  for (const p of PROJECTS) {
    const [row] = await tx
      .insert(programProjects)
      .values({
        orgId,
        programId,
        partnerId: (p.partner && partnerId.get(p.partner)) || null,
        code: p.code,
        titleJa: p.titleJa,
        titleEn: p.titleEn,
        summaryJa: p.summaryJa,
        summaryEn: p.summaryEn,
        fiscalYear: p.fy,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        status: 'completed',
      })
      .returning({ id: programProjects.id });
    const team = sample(rng, people, p.team);
    if (team.length)
      await tx.insert(programProjectMembers).values(
        team.map((e, i) => ({
          orgId,
          projectId: row.id,
          employeeId: e.id,
          role: i === 0 ? 'leader' : 'member',
        })),
      );
    await tx.insert(programProjectItems).values(
      p.items.map((item, i) => ({
        orgId,
        projectId: row.id,
        kind: item.kind,
        position: i,
        titleJa: item.ja,
        titleEn: item.en,
        quantity: item.quantity ?? null,
        dueOn: item.due ?? null,
        doneOn: item.done ?? null,
      })),
    );
  }
}

/** The Future Creation Program's quotes (seed), consented to in February 2024 (fiscal year 2023). */
const TESTIMONIALS = [
  {
    speakerJa: '参加した高校生',
    speakerEn: 'A participating high school student',
    quoteJa:
      'このプログラムでの時間はとても有意義だったと思います。東日本大震災から10年以上が経った今、新しいアプローチを常に探し続けることがこれからも大切だと感じています。',
    quoteEn:
      'I think my time with the program was very meaningful. Now that more than 10 years have passed since the Great East Japan Earthquake, I feel that it will continue to be important to constantly seek out new approaches.',
    consentOn: '2024-02-09',
  },
  {
    speakerJa: '参加したNEC社員',
    speakerEn: 'A participating NEC employee',
    quoteJa:
      '次の世代を担う高校生の今の感性に実際に触れ、社会をより広い視野で捉え、いつもと違う角度からNECを見られたことが、このプログラムの最大の価値でした。',
    quoteEn:
      'The greatest value of the program came from enabling actual insights into the current sensibilities of high school students who will lead the next generation, looking at society from a broader perspective, and seeing NEC from a different angle than usual.',
    consentOn: '2024-02-16',
  },
];

/**
 * Loads the program records of the demo: the Social Entrepreneurship School's cohorts 2002–2023 with
 * 72 graduate groups (mairu tech and Omohibito supported in fiscal year 2023), the Pro Bono
 * Initiative's four municipal projects of 2018 (Kakegawa's kappu project with 14 projects born) and
 * BANSO-CO (2023), and the Future Creation Program's testimonials. Programs are found by code (SES,
 * PROBONO, FUTURE); one that is missing is skipped. Deterministic.
 */
export async function insertDemoProgramRecords(tx: Tx, orgId: string, _today?: string): Promise<void> {
  const programs = await rowsOf<{ id: string; code: string; company_id: string }>(
    tx,
    sql`select id, code, company_id from programs where org_id = ${orgId} and code in ('SES', 'PROBONO', 'FUTURE')`,
  );
  const program = new Map(programs.map((p) => [p.code, p]));
  const ses = program.get('SES');
  if (ses) await insertSchool(tx, orgId, ses.id);
  const probono = program.get('PROBONO');
  if (probono) await insertProjects(tx, orgId, probono.id, probono.company_id);
  const future = program.get('FUTURE');
  if (future)
    await tx
      .insert(programTestimonials)
      .values(TESTIMONIALS.map((t) => ({ orgId, programId: future.id, fiscalYear: 2023, ...t })));
}

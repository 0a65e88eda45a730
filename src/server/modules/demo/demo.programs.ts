import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rowsOf } from '../../lib/sql.js';
import { programPartners, programs } from '../programs/programs.table.js';

type Role = 'organiser' | 'partner' | 'host' | 'beneficiary' | 'funder';
type DemoProgram = {
  code: string;
  /** The owning group company by code (falls back to the head company DEC when absent). */
  company: string;
  framework: 'company_program' | 'local_activity';
  nameJa: string;
  nameEn: string;
  descriptionJa: string;
  descriptionEn: string;
  startYear: number;
  terms: [
    companyField: string,
    visionLayer: string,
    keidanrenField: string,
    b4siCause: string,
    b4siMotivation: string,
  ];
  sdgs: number[];
  /** Partners by code, with their role (linked only when the partners demo created them). */
  partners: [string, Role][];
};

/**
 * The programs of the seed. Start years are fiscal years by their start year ("fiscal 2003" = 2002);
 * where the seed gives no year (para-sports, the dialogue, the regional initiatives) the year is a
 * plausible demo value.
 */
export const DEMO_PROGRAMS: DemoProgram[] = [
  {
    code: 'SES',
    company: 'DEC',
    framework: 'company_program',
    startYear: 2002,
    nameJa: '社会起業塾',
    nameEn: 'Social Entrepreneurship School',
    descriptionJa:
      'NPO法人ETIC.と協働し、2002年度に始めた若手社会起業家の育成プロジェクト。「社会変革の登竜門」と呼ばれ、2023年度までに72組が卒業しました。2023年度は介護タクシー・民間救急の予約サービス「mairu」を運営するmairu techと、シニア向けテーマパーク「シルバニア」を運営するOmohibitoを支援しました。',
    descriptionEn:
      'A project for nurturing young social entrepreneurs, begun in fiscal 2003 with the NPO ETIC. Called a gateway for social innovators, it had 72 graduate groups as of fiscal 2024. In fiscal 2024 it supported mairu tech (“mairu”, booking welfare taxis and private ambulances) and Omohibito (the Silvernia theme park for seniors).',
    terms: [
      'education_culture_sports',
      'society',
      'education',
      'economic_development',
      'community_investment',
    ],
    sdgs: [4, 8, 17],
    partners: [
      ['ETIC', 'organiser'],
      ['FLORENCE', 'partner'],
    ],
  },
  {
    code: 'PROBONO',
    company: 'DEC',
    framework: 'company_program',
    startYear: 2010,
    nameJa: 'プロボノイニシアチブ',
    nameEn: 'Pro Bono Initiative',
    descriptionJa:
      '社員の専門スキルでNPOや社会起業家の課題解決を支援する、日本企業初のプロボノ活動（2010年度開始）。東京都、川崎市、社会起業塾の卒業生とも協働し、川崎市の市制100周年プレイベント「かわさきSDGsパートナーフェスタ」を企画・運営しました。',
    descriptionEn:
      'Helping NPOs and social entrepreneurs with the professional skills of employees since fiscal 2011, the first pro bono program of a Japanese company. Partners include the Tokyo Metropolitan Government, Kawasaki City and graduates of the School; the Pro Bono Club ran the Kawasaki SDGs Partner Festival.',
    terms: ['regional', 'society', 'local_community', 'social_welfare', 'community_investment'],
    sdgs: [11, 17],
    partners: [
      ['SERVICE-GRANT', 'organiser'],
      ['CITY-KAWASAKI', 'partner'],
      ['TOKYO-METRO', 'partner'],
      ['CITY-KAKEGAWA', 'beneficiary'],
      ['KAWASAKI-SWC', 'partner'],
    ],
  },
  {
    code: 'FUTURE',
    company: 'DEC',
    framework: 'company_program',
    startYear: 2023,
    nameJa: '未来創造プログラム',
    nameEn: 'Future Creation Program',
    descriptionJa:
      '高等学校の新学習指導要領に合わせ、教育コンサルティング会社キャリアリンクと開発した高校生向け教育プログラム。SDGsをテーマに理想の未来づくりを学びます。神奈川県・福島県の高校3校で、生徒70名と社員47名がオンラインで参加しました。',
    descriptionEn:
      'An education program for high school students developed with the educational consulting company Careerlink for the curriculum guidelines of fiscal 2023, using the SDGs to learn about creating an ideal future. Held at three high schools in Kanagawa and Fukushima with 70 students and 47 employees online.',
    terms: ['education_culture_sports', 'society', 'education', 'education', 'community_investment'],
    sdgs: [4, 11, 17],
    partners: [
      ['CAREERLINK', 'organiser'],
      ['HS-SHIRAKAWA', 'host'],
      ['HS-KANAGAWA-A', 'host'],
      ['HS-KANAGAWA-B', 'host'],
      ['PREF-FUKUSHIMA', 'partner'],
    ],
  },
  {
    code: 'ENET',
    company: 'DEC',
    framework: 'company_program',
    startYear: 2005,
    nameJa: 'e-ネットキャラバン',
    nameEn: 'e-Net Caravan',
    descriptionJa:
      '小学3・4年生から高校生、保護者・教職員を対象に、インターネットを安全・安心に使うための啓発と指導を行います。全国で認定講師の社員が活動しています。',
    descriptionEn:
      'Awareness-raising and guidance on using the internet safely for pupils from the third grade to high school, guardians and teachers, given by certified employee instructors nationwide.',
    terms: ['education_culture_sports', 'life', 'education', 'education', 'community_investment'],
    sdgs: [4, 16],
    partners: [],
  },
  {
    code: 'PARASPORTS',
    company: 'DEC',
    framework: 'company_program',
    startYear: 2016,
    nameJa: 'パラスポーツ推進',
    nameEn: 'Para-sports promotion',
    descriptionJa:
      '地域の関係者と協力し、県のパラスポーツ大会やパラ大学祭の企画・開催、ボッチャの活動を支援します。岡山県では地域が自ら企画・運営できる県大会のモデルをつくりました。',
    descriptionEn:
      'Planning and holding prefectural para-sport competitions and Para University Festivals with regional stakeholders, and supporting Boccia. Okayama Prefecture built a model of competitions the community runs itself.',
    terms: ['welfare_diversity', 'society', 'health_sports', 'health', 'community_investment'],
    sdgs: [3, 10],
    partners: [['PREF-OKAYAMA', 'partner']],
  },
  {
    code: 'WTENNIS',
    company: 'DEC',
    framework: 'company_program',
    startYear: 1991,
    nameJa: '車いすテニス支援',
    nameEn: 'Wheelchair tennis',
    descriptionJa:
      '1991年から30年以上、国際テニス連盟の車いすテニス大会を支援し、社員も大会運営を支えています。',
    descriptionEn:
      'Supporting the International Tennis Federation’s wheelchair tennis tournaments since 1991, with employees helping run them.',
    terms: ['welfare_diversity', 'society', 'health_sports', 'health', 'community_investment'],
    sdgs: [3, 10],
    partners: [['ITF', 'beneficiary']],
  },
  {
    code: 'DIALOGUE',
    company: 'DEC',
    framework: 'company_program',
    startYear: 2023,
    nameJa: '社会イノベーション対話',
    nameEn: 'Social Innovation Dialogue',
    descriptionJa: '社員がNGO・NPOと社会課題について対話し、共創の機会を探ります。',
    descriptionEn: 'Employees and NGOs discuss social issues together and look for chances to co-create.',
    terms: ['regional', 'society', 'other', 'other', 'community_investment'],
    sdgs: [17],
    partners: [],
  },
  {
    code: 'INDIA',
    company: 'DIND',
    framework: 'local_activity',
    startYear: 2015,
    nameJa: 'インド法人の社会貢献活動',
    nameEn: 'India initiatives',
    descriptionJa:
      '農村の子どもたち、経済的に困難な高齢者、夫を亡くした女性を支援します（Gift the Warmth Drive、Radhakund Ashram、NGO Krishとの協働、恵まれない子どもの教育）。2021年にIndia CSR Leadership Awardを受賞しました。',
    descriptionEn:
      'Support for children in rural areas, elderly people in financial difficulty and women who have lost their husbands (Gift the Warmth Drive, Radhakund Ashram, NGO Krish, education for underprivileged children). India CSR Leadership Award 2021.',
    terms: ['welfare_diversity', 'life', 'social_welfare', 'social_welfare', 'charitable_gift'],
    sdgs: [1, 4, 5],
    partners: [],
  },
  {
    code: 'US-TX',
    company: 'DUSA',
    framework: 'local_activity',
    startYear: 2015,
    nameJa: 'テキサスでの地域活動',
    nameEn: 'Texas community initiatives',
    descriptionJa:
      'テキサス州の小学校やNPOと協力し、児童の教育支援とホームレスの生活支援を行います（Catch Up & Read、Young Women’s Preparatory Network、Haven for Hope）。',
    descriptionEn:
      'Educational support for students and life support for the homeless with elementary schools and non-profits in Texas (Catch Up & Read, the Young Women’s Preparatory Network, Haven for Hope).',
    terms: ['education_culture_sports', 'life', 'education', 'education', 'community_investment'],
    sdgs: [1, 4],
    partners: [['YWPN', 'partner']],
  },
  {
    code: 'THAI',
    company: 'DTHA',
    framework: 'local_activity',
    startYear: 2015,
    nameJa: 'タイ法人のカティン活動',
    nameEn: 'Kathin activities in Thailand',
    descriptionJa: 'タイの文化と仏教を守るカティン活動に取り組みます。',
    descriptionEn: 'Kathin activities to protect Thai culture and Buddhism.',
    terms: ['regional', 'society', 'heritage', 'arts_culture', 'charitable_gift'],
    sdgs: [11],
    partners: [],
  },
];

/**
 * Inserts the demo programs with their classifications, owned by the demo's head company (DEC) or
 * the group company of their country, and links the partners of the partners demo by code (a
 * partner that does not exist is left out). Deterministic; `today` is unused (the programs are dated
 * by their start years).
 */
export async function insertDemoPrograms(tx: Tx, orgId: string, _today?: string): Promise<void> {
  const companies = await rowsOf<{ id: string; code: string }>(
    tx,
    sql`select id, code from group_companies where org_id = ${orgId}`,
  );
  const companyId = new Map(companies.map((c) => [c.code, c.id]));
  const head = companyId.get('DEC') ?? companies[0]?.id;
  if (!head) return;
  const partnerRows = await rowsOf<{ id: string; code: string }>(
    tx,
    sql`select id, code from partners where org_id = ${orgId}`,
  );
  const partnerId = new Map(partnerRows.map((p) => [p.code, p.id]));
  const inserted = await tx
    .insert(programs)
    .values(
      DEMO_PROGRAMS.map((p) => {
        const [companyField, visionLayer, keidanrenField, b4siCause, b4siMotivation] = p.terms;
        return {
          orgId,
          code: p.code,
          nameJa: p.nameJa,
          nameEn: p.nameEn,
          descriptionJa: p.descriptionJa,
          descriptionEn: p.descriptionEn,
          framework: p.framework,
          companyId: companyId.get(p.company) ?? head,
          companyField,
          visionLayer,
          keidanrenField,
          b4siCause,
          b4siMotivation,
          sdgs: p.sdgs,
          startYear: p.startYear,
        };
      }),
    )
    .returning({ id: programs.id, code: programs.code });
  const links = inserted.flatMap((row) =>
    DEMO_PROGRAMS.find((p) => p.code === row.code)!.partners.flatMap(([code, role]) => {
      const id = partnerId.get(code);
      return id ? [{ orgId, programId: row.id, partnerId: id, role }] : [];
    }),
  );
  if (links.length) await tx.insert(programPartners).values(links);
}

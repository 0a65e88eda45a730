/**
 * The demo corporate group: a parent and four subsidiaries in Japan, and subsidiaries in India, the
 * US and Thailand, with their sites and departments. Weights share the employees out.
 */
export type DemoSite = {
  code: string;
  nameJa: string;
  nameEn: string;
  kind: 'head_office' | 'office' | 'factory' | 'lab' | 'other';
  prefecture?: string;
  region?: string;
  timeZone?: string;
  weight: number;
};

export type DemoCompany = {
  code: string;
  nameJa: string;
  nameEn: string;
  country: 'JP' | 'IN' | 'US' | 'TH';
  currency: string;
  timeZone: string;
  /** Share of the group's employees. */
  weight: number;
  sites: DemoSite[];
  /** Department codes (see DEPARTMENTS) with their share of the company's employees. */
  departments: Array<[code: string, weight: number]>;
};

const jp = (
  code: string,
  nameJa: string,
  nameEn: string,
  kind: DemoSite['kind'],
  prefecture: string,
  weight: number,
): DemoSite => ({ code, nameJa, nameEn, kind, prefecture, weight });
const abroad = (
  code: string,
  nameJa: string,
  nameEn: string,
  kind: DemoSite['kind'],
  region: string,
  weight: number,
  timeZone?: string,
): DemoSite => ({ code, nameJa, nameEn, kind, region, weight, timeZone });

export const DEMO_ORG = { code: 'DEMO', nameJa: 'デモ電気グループ', nameEn: 'Demo Electric Group' } as const;

/** Departments: code, ja, en, and the code of the parent department (corporate functions sit under CORP). */
export const DEPARTMENTS: Record<string, { nameJa: string; nameEn: string; parent?: string }> = {
  CORP: { nameJa: 'コーポレート部門', nameEn: 'Corporate Functions' },
  MGT: { nameJa: '経営企画部', nameEn: 'Corporate Planning', parent: 'CORP' },
  HR: { nameJa: '人事部', nameEn: 'Human Resources', parent: 'CORP' },
  FIN: { nameJa: '経理部', nameEn: 'Finance and Accounting', parent: 'CORP' },
  LEG: { nameJa: '法務部', nameEn: 'Legal', parent: 'CORP' },
  AUD: { nameJa: '内部監査部', nameEn: 'Internal Audit', parent: 'CORP' },
  CSR: { nameJa: 'サステナビリティ推進部', nameEn: 'Sustainability and CSR', parent: 'CORP' },
  ITS: { nameJa: '情報システム部', nameEn: 'Information Systems' },
  SAL: { nameJa: '営業本部', nameEn: 'Sales' },
  ENG: { nameJa: 'システムエンジニアリング部', nameEn: 'Systems Engineering' },
  RND: { nameJa: '研究開発部', nameEn: 'Research and Development' },
  MFG: { nameJa: '製造部', nameEn: 'Manufacturing' },
  QA: { nameJa: '品質保証部', nameEn: 'Quality Assurance' },
  SVC: { nameJa: 'サービス事業部', nameEn: 'Field Services' },
};

const corporate: Array<[string, number]> = [
  ['CORP', 0.5],
  ['MGT', 1],
  ['HR', 1.5],
  ['FIN', 1.5],
  ['LEG', 0.5],
  ['CSR', 0.5],
  ['ITS', 2],
];

export const DEMO_COMPANIES: DemoCompany[] = [
  {
    code: 'DEC',
    nameJa: 'デモ電気株式会社',
    nameEn: 'Demo Electric Corporation',
    country: 'JP',
    currency: 'JPY',
    timeZone: 'Asia/Tokyo',
    weight: 36,
    sites: [
      jp('DEC-HQ', '本社(東京都港区)', 'Head Office (Minato, Tokyo)', 'head_office', '13', 30),
      jp('DEC-FCH', '府中事業場', 'Fuchu Plant', 'factory', '13', 12),
      jp('DEC-TMG', '玉川事業場', 'Tamagawa Office', 'office', '14', 20),
      jp('DEC-SGM', '相模原研究所', 'Sagamihara Laboratories', 'lab', '14', 10),
      jp('DEC-ABK', '我孫子事業場', 'Abiko Office', 'office', '12', 8),
      jp('DEC-OSK', '関西支社', 'Kansai Office (Osaka)', 'office', '27', 10),
      jp('DEC-OKY', '岡山支店', 'Okayama Branch', 'office', '33', 4),
      jp('DEC-FKS', '福島工場', 'Fukushima Factory', 'factory', '07', 6),
    ],
    departments: [...corporate, ['AUD', 0.5], ['SAL', 12], ['ENG', 10], ['RND', 12], ['MFG', 8], ['QA', 3]],
  },
  {
    code: 'DSOL',
    nameJa: 'デモソリューションズ株式会社',
    nameEn: 'Demo Solutions Co., Ltd.',
    country: 'JP',
    currency: 'JPY',
    timeZone: 'Asia/Tokyo',
    weight: 14,
    sites: [
      jp(
        'DSOL-HQ',
        'デモソリューションズ本社(東京都江東区)',
        'Demo Solutions Head Office (Koto, Tokyo)',
        'head_office',
        '13',
        50,
      ),
      jp('DSOL-NGY', '中部支社(名古屋)', 'Chubu Office (Nagoya)', 'office', '23', 20),
      jp('DSOL-OSK', '大阪支社', 'Osaka Office', 'office', '27', 20),
      jp('DSOL-FUK', '九州支社(福岡)', 'Kyushu Office (Fukuoka)', 'office', '40', 10),
    ],
    departments: [...corporate, ['SAL', 10], ['ENG', 25], ['SVC', 5]],
  },
  {
    code: 'DNET',
    nameJa: 'デモネットワークス株式会社',
    nameEn: 'Demo Networks Co., Ltd.',
    country: 'JP',
    currency: 'JPY',
    timeZone: 'Asia/Tokyo',
    weight: 10,
    sites: [
      jp(
        'DNET-HQ',
        'デモネットワークス本社(川崎)',
        'Demo Networks Head Office (Kawasaki)',
        'head_office',
        '14',
        40,
      ),
      jp('DNET-KKG', '掛川工場', 'Kakegawa Factory', 'factory', '22', 35),
      jp('DNET-FKS', '福島事業所', 'Fukushima Works', 'factory', '07', 25),
    ],
    departments: [...corporate, ['SAL', 6], ['ENG', 10], ['RND', 6], ['MFG', 14], ['QA', 4]],
  },
  {
    code: 'DPLT',
    nameJa: 'デモプラットフォームズ株式会社',
    nameEn: 'Demo Platforms Co., Ltd.',
    country: 'JP',
    currency: 'JPY',
    timeZone: 'Asia/Tokyo',
    weight: 8,
    sites: [
      jp(
        'DPLT-HQ',
        'デモプラットフォームズ本社(川崎)',
        'Demo Platforms Head Office (Kawasaki)',
        'head_office',
        '14',
        45,
      ),
      jp('DPLT-KOF', '甲府工場', 'Kofu Factory', 'factory', '19', 35),
      jp('DPLT-SZK', '静岡事業所', 'Shizuoka Works', 'factory', '22', 20),
    ],
    departments: [...corporate, ['SAL', 4], ['RND', 8], ['MFG', 16], ['QA', 4]],
  },
  {
    code: 'DFLD',
    nameJa: 'デモフィールディング株式会社',
    nameEn: 'Demo Fielding Co., Ltd.',
    country: 'JP',
    currency: 'JPY',
    timeZone: 'Asia/Tokyo',
    weight: 7,
    sites: [
      jp(
        'DFLD-HQ',
        'デモフィールディング本社(東京都港区)',
        'Demo Fielding Head Office (Minato, Tokyo)',
        'head_office',
        '13',
        40,
      ),
      jp('DFLD-SND', '東北支社(仙台)', 'Tohoku Office (Sendai)', 'office', '04', 20),
      jp('DFLD-OSK', '関西サービスセンター', 'Kansai Service Centre', 'office', '27', 25),
      jp('DFLD-HKD', '北海道サービスセンター', 'Hokkaido Service Centre', 'office', '01', 15),
    ],
    departments: [...corporate, ['SAL', 3], ['SVC', 30]],
  },
  {
    code: 'DIND',
    nameJa: 'デモ電気インド',
    nameEn: 'Demo Electric India Pvt. Ltd.',
    country: 'IN',
    currency: 'INR',
    timeZone: 'Asia/Kolkata',
    weight: 10,
    sites: [
      abroad('DIND-BLR', 'ベンガルール本社', 'Bengaluru Head Office', 'head_office', 'Karnataka', 45),
      abroad('DIND-NOI', 'ノイダ開発センター', 'Noida Development Centre', 'lab', 'Uttar Pradesh', 35),
      abroad('DIND-CHN', 'チェンナイ事業所', 'Chennai Office', 'office', 'Tamil Nadu', 20),
    ],
    departments: [...corporate, ['SAL', 4], ['ENG', 30], ['RND', 8]],
  },
  {
    code: 'DUSA',
    nameJa: 'デモ電気アメリカ',
    nameEn: 'Demo Electric Corporation of America',
    country: 'US',
    currency: 'USD',
    timeZone: 'America/Chicago',
    weight: 8,
    sites: [
      abroad(
        'DUSA-IRV',
        'アーヴィング本社(テキサス州)',
        'Irving Head Office (Texas)',
        'head_office',
        'Texas',
        60,
      ),
      abroad(
        'DUSA-SCL',
        'サンタクララ研究所(カリフォルニア州)',
        'Santa Clara Laboratories (California)',
        'lab',
        'California',
        40,
        'America/Los_Angeles',
      ),
    ],
    departments: [...corporate, ['SAL', 10], ['ENG', 8], ['RND', 8]],
  },
  {
    code: 'DTHA',
    nameJa: 'デモ電気タイランド',
    nameEn: 'Demo Electric (Thailand) Co., Ltd.',
    country: 'TH',
    currency: 'THB',
    timeZone: 'Asia/Bangkok',
    weight: 7,
    sites: [
      abroad('DTHA-BKK', 'バンコク本社', 'Bangkok Head Office', 'head_office', 'Bangkok', 40),
      abroad('DTHA-CBR', 'チョンブリ工場', 'Chonburi Factory', 'factory', 'Chon Buri', 60),
    ],
    departments: [...corporate, ['SAL', 4], ['MFG', 20], ['QA', 4]],
  },
];

/**
 * The demo's giving programme, as fixed data: the organisations employees give to, the campaigns (the
 * seeds' two disaster drives of fiscal 2024 and a cause open now) and finance's exchange rates. Real
 * relief organisations keep their names; every bank account here is invented for the demo.
 */
export type DemoPartner = {
  code: string;
  nameJa: string;
  nameEn: string;
  kind: 'npo' | 'ngo' | 'public_interest' | 'international' | 'other';
  website: string | null;
  /** Screened and passed (eligible for a year from the demo's today); false: never screened. */
  screened: boolean;
  status: 'active' | 'closed';
  bank: [
    name: string,
    branch: string,
    type: 'ordinary' | 'current' | 'savings',
    number: string,
    holder: string,
  ];
};

export const DEMO_PARTNERS: DemoPartner[] = [
  {
    code: 'JRCS',
    nameJa: '日本赤十字社',
    nameEn: 'Japanese Red Cross Society',
    kind: 'public_interest',
    website: 'https://www.jrc.or.jp/',
    screened: true,
    status: 'active',
    bank: ['みずほ銀行', '本店', 'ordinary', '1021001', 'ニホンセキジュウジシャ'],
  },
  {
    code: 'JPF',
    nameJa: '特定非営利活動法人 ジャパン・プラットフォーム',
    nameEn: 'Japan Platform',
    kind: 'ngo',
    website: 'https://www.japanplatform.org/',
    screened: true,
    status: 'active',
    bank: ['三井住友銀行', '東京公務部', 'ordinary', '1021002', 'トクヒ）ジヤパンプラツトフオーム'],
  },
  {
    code: 'UNICEF',
    nameJa: '公益財団法人 日本ユニセフ協会',
    nameEn: 'Japan Committee for UNICEF',
    kind: 'international',
    website: 'https://www.unicef.or.jp/',
    screened: true,
    status: 'active',
    bank: ['三菱UFJ銀行', '本店', 'ordinary', '1021003', 'ザイ）ニホンユニセフキヨウカイ'],
  },
  {
    code: 'CCCJ',
    nameJa: '社会福祉法人 中央共同募金会',
    nameEn: 'Central Community Chest of Japan',
    kind: 'public_interest',
    website: 'https://www.akaihane.or.jp/',
    screened: true,
    status: 'active',
    bank: ['りそな銀行', '東京営業部', 'ordinary', '1021004', 'フク）チユウオウキヨウドウボキンカイ'],
  },
  {
    code: 'HCF-MAUI',
    nameJa: 'ハワイ・コミュニティ財団 マウイ・ストロング基金',
    nameEn: 'Hawaii Community Foundation: Maui Strong Fund',
    kind: 'ngo',
    website: 'https://www.hawaiicommunityfoundation.org/',
    screened: true,
    status: 'active',
    bank: ['First Hawaiian Bank', 'Honolulu Main', 'current', '40021005', 'HAWAII COMMUNITY FOUNDATION'],
  },
  {
    code: 'FB-KANAGAWA',
    nameJa: 'NPO法人 フードバンクかながわ',
    nameEn: 'Food Bank Kanagawa',
    kind: 'npo',
    website: null,
    screened: true,
    status: 'active',
    bank: ['横浜銀行', '本店営業部', 'ordinary', '2031006', 'トクヒ）フードバンクカナガワ'],
  },
  {
    code: 'HIDAMARI',
    nameJa: '地域のこども食堂 ひだまり',
    nameEn: 'Hidamari Children’s Cafeteria',
    kind: 'npo',
    website: null,
    screened: true,
    status: 'active',
    bank: ['川崎信用金庫', '中原支店', 'ordinary', '2031007', 'コドモシヨクドウヒダマリ'],
  },
  {
    code: 'MANABI',
    nameJa: 'NPO法人 まなびサポート',
    nameEn: 'Manabi Support',
    kind: 'npo',
    website: null,
    screened: true,
    status: 'active',
    bank: ['ゆうちょ銀行', '〇一八店', 'ordinary', '2031008', 'トクヒ）マナビサポート'],
  },
  {
    code: 'MIDORI',
    nameJa: 'NPO法人 みどりの森づくり会',
    nameEn: 'Green Forest Makers',
    kind: 'npo',
    website: null,
    screened: true,
    status: 'active',
    bank: ['八十二銀行', '佐久支店', 'ordinary', '2031009', 'トクヒ）ミドリノモリヅクリカイ'],
  },
  {
    code: 'TABUNKA',
    nameJa: 'NPO法人 多文化共生ネット',
    nameEn: 'Multicultural Community Network',
    kind: 'npo',
    website: null,
    screened: true,
    status: 'active',
    bank: ['三井住友銀行', '川崎支店', 'ordinary', '2031010', 'トクヒ）タブンカキヨウセイネツト'],
  },
  {
    code: 'BYOIN-KODOMO',
    nameJa: 'NPO法人 病院のこども支援',
    nameEn: 'Support for Children in Hospital',
    kind: 'npo',
    website: null,
    screened: true,
    status: 'active',
    bank: ['みずほ銀行', '渋谷支店', 'ordinary', '2031011', 'トクヒ）ビヨウインノコドモシエン'],
  },
  {
    code: 'KAWASAKI-SWC',
    nameJa: '社会福祉法人 川崎市社会福祉協議会',
    nameEn: 'Kawasaki City Council of Social Welfare',
    kind: 'public_interest',
    website: null,
    screened: true,
    status: 'active',
    bank: ['横浜銀行', '川崎支店', 'ordinary', '2031012', 'フク）カワサキシシヤカイフクシキヨウギカイ'],
  },
  {
    code: 'WAJIMA-VC',
    nameJa: '輪島市災害ボランティアセンター',
    nameEn: 'Wajima Disaster Volunteer Centre',
    kind: 'public_interest',
    website: null,
    screened: true,
    status: 'active',
    bank: ['北國銀行', '輪島支店', 'ordinary', '2031013', 'ワジマシシヤカイフクシキヨウギカイ'],
  },
  {
    code: 'CLIMATE-NET',
    nameJa: 'NPO法人 気候アクションネット',
    nameEn: 'Climate Action Net',
    kind: 'npo',
    website: null,
    screened: false,
    status: 'active',
    bank: ['三菱UFJ銀行', '新宿支店', 'ordinary', '2031014', 'トクヒ）キコウアクシヨンネツト'],
  },
  {
    code: 'SUMA-UMI',
    nameJa: 'NPO法人 須磨の海を守る会',
    nameEn: 'Save Suma Beach',
    kind: 'npo',
    website: null,
    screened: true,
    status: 'closed',
    bank: ['みなと銀行', '須磨支店', 'ordinary', '2031015', 'トクヒ）スマノウミヲマモルカイ'],
  },
];

/** Organisations employees give points to directly (no campaign), with how often they are chosen. */
export const DIRECT_RECIPIENTS: Array<[code: string, weight: number]> = [
  ['UNICEF', 5],
  ['JPF', 3],
  ['FB-KANAGAWA', 3],
  ['MIDORI', 2],
  ['TABUNKA', 2],
  ['MANABI', 2],
  ['BYOIN-KODOMO', 2],
  ['KAWASAKI-SWC', 1],
  ['JRCS', 2],
];

/** Yen per unit of each currency, by fiscal year (finance's rate for the year). */
export const DEMO_FX_RATES: Record<string, Record<number, string>> = {
  USD: { 2023: '144.60', 2024: '152.60', 2025: '147.50', 2026: '152.00' },
  INR: { 2023: '1.740', 2024: '1.810', 2025: '1.710', 2026: '1.730' },
  THB: { 2023: '4.130', 2024: '4.400', 2025: '4.450', 2026: '4.600' },
};

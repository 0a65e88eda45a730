import type { Field } from '../../../shared/fields.js';
import type { PartnerKind } from '../partners/partners.schema.js';

/**
 * The partners of the programs demo (the seed's organisations). Local governments carry their
 * 全国地方公共団体コード; a corporate number (法人番号) is given only where it is known (Tokyo's), never
 * invented. Addresses are given only for public offices; contacts are fictional people with
 * example.org addresses.
 */
export type DemoProgramPartner = {
  code: string;
  nameJa: string | null;
  nameEn: string | null;
  kind: PartnerKind;
  localGovCode?: string;
  corporateNumber?: string;
  website?: string;
  postalCode?: string;
  addressJa?: string;
  addressEn?: string;
  descriptionJa?: string;
  descriptionEn?: string;
  fields: Field[];
  contacts?: [name: string, title: string | null, email: string | null][];
};

export const DEMO_PROGRAM_PARTNERS: DemoProgramPartner[] = [
  {
    code: 'ETIC',
    nameJa: 'NPO法人ETIC.',
    nameEn: 'ETIC.',
    kind: 'npo',
    website: 'https://www.etic.or.jp/',
    descriptionJa: '社会起業家の育成に取り組むNPO。NEC社会起業塾を共に運営。',
    descriptionEn:
      'An NPO that fosters social entrepreneurs; runs the NEC Social Entrepreneurship School with the group.',
    fields: ['education_culture_sports', 'regional'],
    contacts: [['高橋 恵', '事業担当', 'megumi.takahashi@example.org']],
  },
  {
    code: 'SERVICE-GRANT',
    nameJa: 'NPO法人サービスグラント',
    nameEn: 'Service Grant',
    kind: 'npo',
    website: 'https://www.servicegrant.or.jp/',
    descriptionJa: 'プロボノによる非営利組織・地域の支援をコーディネートするNPO。',
    descriptionEn: 'Coordinates pro bono support for non-profits and local communities.',
    fields: ['regional', 'welfare_diversity'],
    contacts: [['中村 大輔', 'プロボノコーディネーター', 'daisuke.nakamura@example.org']],
  },
  {
    code: 'FLORENCE',
    nameJa: '認定NPO法人フローレンス',
    nameEn: 'Florence',
    kind: 'npo',
    website: 'https://florence.or.jp/',
    fields: ['welfare_diversity'],
  },
  {
    code: 'PREF-FUKUSHIMA',
    nameJa: '福島県',
    nameEn: 'Fukushima Prefecture',
    kind: 'prefecture',
    localGovCode: '070009',
    website: 'https://www.pref.fukushima.lg.jp/',
    postalCode: '960-8670',
    addressJa: '福島県福島市杉妻町2-16',
    addressEn: '2-16 Sugitsumacho, Fukushima City, Fukushima',
    descriptionJa: '包括連携協定に基づき、DXの推進、県産品の振興、風評の払拭、震災の記憶の継承に協働。',
    descriptionEn:
      'Under the comprehensive partnership agreement: digital transformation, local products, dispelling rumours and keeping the disaster’s memory alive.',
    fields: ['regional'],
    contacts: [['佐々木 亮', 'デジタル変革課', 'ryo.sasaki@example.org']],
  },
  {
    code: 'CITY-KAWASAKI',
    nameJa: '川崎市',
    nameEn: 'Kawasaki City',
    kind: 'municipality',
    localGovCode: '141305',
    website: 'https://www.city.kawasaki.jp/',
    postalCode: '210-8577',
    addressJa: '神奈川県川崎市川崎区宮本町1',
    addressEn: '1 Miyamotocho, Kawasaki-ku, Kawasaki, Kanagawa',
    fields: ['regional', 'environment'],
    contacts: [['小林 美咲', 'SDGs推進担当', 'misaki.kobayashi@example.org']],
  },
  {
    code: 'CITY-KAKEGAWA',
    nameJa: '掛川市',
    nameEn: 'Kakegawa City',
    kind: 'municipality',
    localGovCode: '222135',
    website: 'https://www.city.kakegawa.shizuoka.jp/',
    fields: ['regional'],
  },
  {
    code: 'TOKYO-METRO',
    nameJa: '東京都',
    nameEn: 'Tokyo Metropolitan Government',
    kind: 'prefecture',
    localGovCode: '130001',
    corporateNumber: '8000020130001',
    website: 'https://www.metro.tokyo.lg.jp/',
    postalCode: '163-8001',
    addressJa: '東京都新宿区西新宿2-8-1',
    addressEn: '2-8-1 Nishishinjuku, Shinjuku-ku, Tokyo',
    fields: ['regional'],
  },
  {
    code: 'PREF-OKAYAMA',
    nameJa: '岡山県',
    nameEn: 'Okayama Prefecture',
    kind: 'prefecture',
    localGovCode: '330001',
    website: 'https://www.pref.okayama.jp/',
    fields: ['education_culture_sports'],
  },
  {
    code: 'KAWASAKI-SWC',
    nameJa: '社会福祉法人川崎市社会福祉協議会',
    nameEn: 'Kawasaki City Council of Social Welfare',
    kind: 'public_interest',
    descriptionJa: '地域共生社会の実現とSDGsの達成に向けた連携協定の相手方。',
    descriptionEn: 'Party to the partnership agreement for a community-based society and the SDGs.',
    fields: ['welfare_diversity', 'regional'],
    contacts: [['山本 和子', '地域福祉課', 'kazuko.yamamoto@example.org']],
  },
  {
    code: 'CAREERLINK',
    nameJa: 'キャリアリンク株式会社',
    nameEn: 'Careerlink Co., Ltd.',
    kind: 'company',
    descriptionJa: 'NEC未来創造プログラムを共同開発した教育コンサルティング会社。',
    descriptionEn:
      'The educational consulting company that developed the NEC Future Creation Program with the group.',
    fields: ['education_culture_sports'],
  },
  {
    code: 'HS-SHIRAKAWA',
    nameJa: '福島県立白河高等学校',
    nameEn: 'Fukushima Prefectural Shirakawa High School',
    kind: 'school',
    fields: ['education_culture_sports'],
  },
  {
    code: 'HS-KANAGAWA-A',
    nameJa: '神奈川県内の県立高等学校A',
    nameEn: 'Kanagawa prefectural high school A',
    kind: 'school',
    fields: ['education_culture_sports'],
  },
  {
    code: 'HS-KANAGAWA-B',
    nameJa: '神奈川県内の県立高等学校B',
    nameEn: 'Kanagawa prefectural high school B',
    kind: 'school',
    fields: ['education_culture_sports'],
  },
  {
    code: 'ITF',
    nameJa: '国際テニス連盟',
    nameEn: 'International Tennis Federation',
    kind: 'international',
    website: 'https://www.itftennis.com/',
    fields: ['education_culture_sports', 'welfare_diversity'],
  },
  {
    code: 'YWPN',
    nameJa: null,
    nameEn: 'Young Women’s Preparatory Network',
    kind: 'ngo',
    addressEn: 'Texas, United States',
    fields: ['education_culture_sports'],
    contacts: [['Emily Carter', 'Partnerships', 'emily.carter@example.org']],
  },
];

/** The demo's agreements: two active comprehensive partnerships and the expired Kakegawa pro bono one. */
export const DEMO_AGREEMENTS = [
  {
    code: 'FUKUSHIMA-PARTNERSHIP',
    kind: 'comprehensive_partnership',
    partners: ['PREF-FUKUSHIMA'],
    titleJa: '福島県との包括連携協定',
    titleEn: 'Comprehensive partnership agreement with Fukushima Prefecture',
    scopeJa: 'DXの推進、県産品の振興、風評の払拭、震災の記憶の継承、教育（未来創造プログラム）',
    scopeEn:
      'Digital transformation, promotion of local products, dispelling rumours, keeping the disaster relevant, education (Future Creation Program)',
    signedOn: '2023-03-24',
    startsOn: '2023-03-24',
    endsOn: null,
    status: 'active',
  },
  {
    code: 'KAWASAKI-SWC-PARTNERSHIP',
    kind: 'comprehensive_partnership',
    partners: ['KAWASAKI-SWC', 'CITY-KAWASAKI'],
    titleJa: '川崎市社会福祉協議会との連携協定',
    titleEn: 'Partnership agreement with the Kawasaki City Council of Social Welfare',
    scopeJa: '地域共生社会の実現とSDGsの達成に向けた、DXによる新たな住民サービスの研究・実証',
    scopeEn:
      'Research and demonstration of new resident services through digital transformation, for a community-based society and the SDGs',
    signedOn: '2023-10-02',
    startsOn: '2023-10-02',
    endsOn: null,
    status: 'active',
  },
  {
    code: 'KAKEGAWA-PROBONO-2018',
    kind: 'pro_bono',
    partners: ['CITY-KAKEGAWA', 'SERVICE-GRANT'],
    titleJa: '掛川市とのプロボノ協定（2018年度）',
    titleEn: 'Pro bono agreement with Kakegawa City (fiscal 2018)',
    scopeJa: '葛布の振興に向けたプロボノ支援（ワークショップ2回）',
    scopeEn: 'Pro bono support for kuzufu (arrowroot cloth): two workshops',
    signedOn: '2018-06-01',
    startsOn: '2018-06-01',
    endsOn: '2019-03-31',
    status: 'expired',
  },
] as const;

/**
 * The figures the demo's expenses are generated to meet (issue #6, the seeds): the group's yearly
 * total by the company's method (cash + products at market unit price + facilities at the external
 * rate), by start year. 2016–2018 round to 6.7億円, 5.2億円 and 6.1億円; 2023 ("fiscal 2024") reads
 * "about 828 million yen". The other years are plausible demo values.
 */
export const COMPANY_TOTALS_JPY: Record<number, number> = {
  2016: 671_240_000,
  2017: 523_180_000,
  2018: 612_730_000,
  2019: 586_400_000,
  2020: 448_900_000,
  2021: 552_300_000,
  2022: 694_800_000,
  2023: 828_040_000,
  2024: 842_600_000,
  2025: 861_500_000,
};
export const FIRST_EXPENSE_YEAR = 2016;

/**
 * Shares of the year by Keidanren field: education, culture and arts, health and sports and academic
 * research lead, as in the seeds' breakdown ("学術・研究・教育", "芸術・文化・スポーツ").
 */
export const FIELD_WEIGHTS: Record<string, number> = {
  education: 23,
  culture_arts: 18,
  health_sports: 16,
  academic_research: 12,
  social_welfare: 9,
  local_community: 7,
  environment: 5,
  international: 3,
  disaster_relief: 3,
  heritage: 2,
  other: 2,
};

/** Each field's label for the descriptions, its company field and its B4SI cause area. */
export const FIELD_TERMS: Record<string, { ja: string; en: string; company: string; cause: string }> = {
  education: { ja: '教育', en: 'education', company: 'education_culture_sports', cause: 'education' },
  culture_arts: {
    ja: '文化・芸術',
    en: 'culture and the arts',
    company: 'education_culture_sports',
    cause: 'arts_culture',
  },
  health_sports: { ja: 'スポーツ', en: 'sports', company: 'education_culture_sports', cause: 'health' },
  academic_research: {
    ja: '学術・研究',
    en: 'research',
    company: 'education_culture_sports',
    cause: 'education',
  },
  social_welfare: {
    ja: '社会福祉',
    en: 'social welfare',
    company: 'welfare_diversity',
    cause: 'social_welfare',
  },
  local_community: {
    ja: '地域活動',
    en: 'the local community',
    company: 'regional',
    cause: 'economic_development',
  },
  environment: { ja: '環境保全', en: 'the environment', company: 'environment', cause: 'environment' },
  international: { ja: '国際協力', en: 'international cooperation', company: 'regional', cause: 'other' },
  disaster_relief: {
    ja: '被災地支援',
    en: 'disaster relief',
    company: 'regional',
    cause: 'emergency_relief',
  },
  heritage: { ja: '伝統文化の保全', en: 'traditional culture', company: 'regional', cause: 'arts_culture' },
  other: { ja: '社会貢献', en: 'social contribution', company: 'regional', cause: 'other' },
};

/** Shares of the group's giving by company (codes of demo.structure.ts; others weigh 1). */
export const COMPANY_WEIGHTS: Record<string, number> = {
  DEC: 60,
  DSOL: 8,
  DNET: 6,
  DPLT: 6,
  DFLD: 4,
  DIND: 6,
  DUSA: 7,
  DTHA: 3,
};

/** Shares by type, of the rows that count in the company's method. */
export const TYPE_WEIGHTS = {
  cash_donation: 52,
  sponsorship: 14,
  product_donation: 20,
  facility_opening: 14,
};

/**
 * Finance's FX rates (yen per unit) for the years before the giving demo's (demo.giving-data.ts, which
 * wins where both have a year): inserted only where missing.
 */
export const EXPENSE_FX_RATES: Record<string, Record<number, string>> = {
  USD: {
    2016: '108.40',
    2017: '110.90',
    2018: '110.90',
    2019: '108.70',
    2020: '106.10',
    2021: '112.40',
    2022: '135.50',
    2023: '144.60',
    2024: '152.60',
    2025: '147.50',
    2026: '152.00',
  },
  INR: {
    2016: '1.620',
    2017: '1.700',
    2018: '1.590',
    2019: '1.530',
    2020: '1.430',
    2021: '1.510',
    2022: '1.700',
    2023: '1.740',
    2024: '1.810',
    2025: '1.710',
    2026: '1.730',
  },
  THB: {
    2016: '3.080',
    2017: '3.330',
    2018: '3.430',
    2019: '3.500',
    2020: '3.380',
    2021: '3.420',
    2022: '3.840',
    2023: '4.130',
    2024: '4.400',
    2025: '4.450',
    2026: '4.600',
  },
};

/** Donated products, at their market unit price in yen (NEC's rule), with what they cost the company. */
export const PRODUCTS = [
  { ja: 'ノートパソコン', en: 'laptops', priceJpy: 148_000, costShare: 0.62 },
  { ja: 'タブレット端末', en: 'tablets', priceJpy: 54_000, costShare: 0.58 },
  { ja: 'プロジェクター', en: 'projectors', priceJpy: 96_000, costShare: 0.6 },
  { ja: 'ネットワーク機器', en: 'network equipment', priceJpy: 38_500, costShare: 0.55 },
  { ja: '防災用ラジオ', en: 'emergency radios', priceJpy: 6_800, costShare: 0.5 },
] as const;

/** Facilities opened to the community, at the hourly price of an equivalent external venue. */
export const FACILITIES = [
  { ja: '本社ホール', en: 'the head office hall', hourlyJpy: 120_000 },
  { ja: '研修センター会議室', en: 'training centre rooms', hourlyJpy: 28_000 },
  { ja: '体育館', en: 'the gymnasium', hourlyJpy: 45_000 },
  { ja: 'グラウンド', en: 'the sports ground', hourlyJpy: 60_000 },
] as const;

/** Recipients typed as text (no partner record). */
export const RECIPIENTS = [
  '公益財団法人 日本科学技術振興財団',
  '一般社団法人 地域文化振興会',
  '国立大学法人 東都大学',
  '市民オーケストラ協会',
  'Junior Sports Federation',
  '社会福祉法人 ひかり会',
  '公益財団法人 緑の森基金',
  'International Exchange Association',
];

/** Hourly cost of employee time (B4SI, paid hours), in yen. */
export const HOURLY_COST_JPY = 4_800;

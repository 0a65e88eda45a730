import { dayOf, fyEnd, fyStart, isoOf } from './demo.time.js';

/** Employee giving of a campaign at the full demo's size (scaled down for a smaller demo). */
export type DonorPlan = {
  /** Employees who give points. */
  points: number;
  /** Employees in Japan who pledge yen. */
  yen: number;
  /** Employees of the US company who pledge dollars (to the second beneficiary). */
  usd: number;
  /** Card payments that fail, and paid donations refunded later. */
  failed: number;
  refunded: number;
  /** The share of donors who name the second beneficiary instead of the first. */
  directed: number;
};

export type DemoCampaign = {
  code: string;
  kind: 'disaster' | 'cause';
  fundType: 'victim_relief' | 'relief_work' | 'general';
  titleJa: string;
  titleEn: string;
  storyJa: string;
  storyEn: string;
  goalJpy: number;
  startsOn: string;
  endsOn: string;
  status: 'open' | 'closed';
  match: { ratioPercent: number; perEmployeeJpy: number; perCampaignJpy: number } | null;
  /** Partner codes in position order: position 1 receives what donors do not direct. */
  beneficiaries: string[];
  /** The company's own donation (by the parent company, DEC). */
  company: { partner: string; amountJpy: number; on: string; note: string };
  donors: DonorPlan;
};

/** The seeds' Maui wildfire drive (August 2023, fiscal 2024): 支援金 for relief work. */
const MAUI: DemoCampaign = {
  code: 'MAUI-2023',
  kind: 'disaster',
  fundType: 'relief_work',
  titleJa: 'ハワイ・マウイ島山火事 救援金',
  titleEn: 'Maui wildfires relief appeal',
  storyJa:
    '2023年8月8日にハワイ・マウイ島で発生した山火事は、ラハイナの町の大半を焼き、多くの方が住まいを失いました。お寄せいただいた救援金は、日本赤十字社の救援活動と、島で被災者を支えるマウイ・ストロング基金に届けます。',
  storyEn:
    'The wildfires that swept across Maui on 8 August 2023 destroyed most of Lahaina and left thousands without a home. Your gifts fund the relief work of the Japanese Red Cross Society and the Maui Strong Fund, which supports survivors on the island.',
  goalJpy: 10_000_000,
  startsOn: '2023-08-14',
  endsOn: '2023-10-31',
  status: 'closed',
  match: null,
  beneficiaries: ['JRCS', 'HCF-MAUI'],
  company: {
    partner: 'JRCS',
    amountJpy: 5_000_000,
    on: '2023-08-25',
    note: '2023年ハワイ・マウイ島火災救援金',
  },
  donors: { points: 1200, yen: 260, usd: 24, failed: 4, refunded: 1, directed: 0.1 },
};

/** The seeds' Noto earthquake drive (January 2024, fiscal 2024): 義援金 for the people affected, matched. */
const NOTO: DemoCampaign = {
  code: 'NOTO-2024',
  kind: 'disaster',
  fundType: 'victim_relief',
  titleJa: '令和6年能登半島地震 義援金',
  titleEn: 'Noto Peninsula earthquake donations',
  storyJa:
    '2024年1月1日に発生した能登半島地震で被災された方々への義援金です。お寄せいただいた義援金は、日本赤十字社と中央共同募金会を通じて石川県などの義援金配分委員会に送られ、全額が被災された方々に届けられます。従業員の寄付には、会社が同額を上乗せします(上限あり)。',
  storyEn:
    'Donations for the people affected by the Noto Peninsula earthquake of 1 January 2024. Every yen goes through the Japanese Red Cross Society and the Central Community Chest of Japan to the distribution committees of Ishikawa and the neighbouring prefectures, which pass it on in full. The company matches employee gifts, up to a limit.',
  goalJpy: 30_000_000,
  startsOn: '2024-01-04',
  endsOn: '2024-03-15',
  status: 'closed',
  match: { ratioPercent: 100, perEmployeeJpy: 10_000, perCampaignJpy: 5_000_000 },
  beneficiaries: ['JRCS', 'CCCJ'],
  company: {
    partner: 'JRCS',
    amountJpy: 15_000_000,
    on: '2024-01-12',
    note: '令和6年能登半島地震災害義援金',
  },
  donors: { points: 2600, yen: 720, usd: 0, failed: 9, refunded: 2, directed: 0.15 },
};

/** The first day of the month two months before `today`, within the fiscal year of `today`. */
function openedOn(today: number, fy: number): string {
  const [y, m] = isoOf(today).split('-').map(Number);
  const month = new Date(Date.UTC(y, m - 3, 1)).toISOString().slice(0, 10);
  return isoOf(Math.max(dayOf(month), fyStart(fy)));
}

/** A cause drive open now, in the current fiscal year: children's cafeterias, matched. */
function childrensCafeterias(today: number, fy: number): DemoCampaign {
  const startsOn = openedOn(today, fy);
  return {
    code: `KODOMO-${fy}`,
    kind: 'cause',
    fundType: 'general',
    titleJa: 'こども食堂応援募金',
    titleEn: 'Children’s cafeterias appeal',
    storyJa:
      '食材の値上がりが続くなか、地域のこども食堂は食材の確保に苦労しています。ポイントや寄付で、川崎市の「ひだまり」とフードバンクかながわの活動を応援しましょう。従業員の寄付には、会社が同額を上乗せします(上限あり)。',
    storyEn:
      'With food prices still rising, local children’s cafeterias struggle to buy ingredients. Give points or money to support Hidamari in Kawasaki and Food Bank Kanagawa. The company matches what you give, up to a limit.',
    goalJpy: 8_000_000,
    startsOn,
    endsOn: isoOf(fyEnd(fy)),
    status: 'open',
    match: { ratioPercent: 100, perEmployeeJpy: 10_000, perCampaignJpy: 3_000_000 },
    beneficiaries: ['HIDAMARI', 'FB-KANAGAWA'],
    company: { partner: 'FB-KANAGAWA', amountJpy: 1_000_000, on: startsOn, note: 'こども食堂への食材支援' },
    donors: { points: 480, yen: 130, usd: 0, failed: 2, refunded: 0, directed: 0.3 },
  };
}

/** The demo's campaigns: Maui and Noto (closed), and the current year's open cause. */
export function demoCampaigns(today: number, currentFy: number): DemoCampaign[] {
  return [MAUI, NOTO, childrensCafeterias(today, currentFy)];
}

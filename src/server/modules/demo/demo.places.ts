/**
 * Where the demo's activities happen: the neighbourhood of each demo site (its street address for
 * activities held at or near the site, and a short area name that titles carry), and the volunteer
 * skills list of the demo group.
 */
export type SitePlace = { address: string; areaJa: string; areaEn: string };

export const SITE_PLACES: Record<string, SitePlace> = {
  'DEC-HQ': { address: '東京都港区芝五丁目', areaJa: '東京・港区', areaEn: 'Minato, Tokyo' },
  'DEC-FCH': { address: '東京都府中市日新町', areaJa: '府中', areaEn: 'Fuchu' },
  'DEC-TMG': { address: '神奈川県川崎市中原区下沼部', areaJa: '川崎・玉川', areaEn: 'Tamagawa, Kawasaki' },
  'DEC-SGM': { address: '神奈川県相模原市中央区淵野辺', areaJa: '相模原', areaEn: 'Sagamihara' },
  'DEC-ABK': { address: '千葉県我孫子市日の出', areaJa: '我孫子', areaEn: 'Abiko' },
  'DEC-OSK': { address: '大阪府大阪市中央区城見', areaJa: '大阪', areaEn: 'Osaka' },
  'DEC-OKY': { address: '岡山県岡山市北区駅元町', areaJa: '岡山', areaEn: 'Okayama' },
  'DEC-FKS': { address: '福島県郡山市富久山町', areaJa: '郡山', areaEn: 'Koriyama' },
  'DSOL-HQ': { address: '東京都江東区新木場', areaJa: '東京・江東区', areaEn: 'Koto, Tokyo' },
  'DSOL-NGY': { address: '愛知県名古屋市中区栄', areaJa: '名古屋', areaEn: 'Nagoya' },
  'DSOL-OSK': { address: '大阪府大阪市北区梅田', areaJa: '大阪・梅田', areaEn: 'Umeda, Osaka' },
  'DSOL-FUK': { address: '福岡県福岡市博多区博多駅前', areaJa: '福岡', areaEn: 'Fukuoka' },
  'DNET-HQ': { address: '神奈川県川崎市幸区堀川町', areaJa: '川崎', areaEn: 'Kawasaki' },
  'DNET-KKG': { address: '静岡県掛川市下俣', areaJa: '掛川', areaEn: 'Kakegawa' },
  'DNET-FKS': { address: '福島県福島市大森', areaJa: '福島', areaEn: 'Fukushima' },
  'DPLT-HQ': { address: '神奈川県川崎市高津区坂戸', areaJa: '川崎・高津', areaEn: 'Takatsu, Kawasaki' },
  'DPLT-KOF': { address: '山梨県甲府市大里町', areaJa: '甲府', areaEn: 'Kofu' },
  'DPLT-SZK': { address: '静岡県静岡市駿河区国吉田', areaJa: '静岡', areaEn: 'Shizuoka' },
  'DFLD-HQ': { address: '東京都港区芝浦', areaJa: '東京・芝浦', areaEn: 'Shibaura, Tokyo' },
  'DFLD-SND': { address: '宮城県仙台市青葉区中央', areaJa: '仙台', areaEn: 'Sendai' },
  'DFLD-OSK': { address: '大阪府吹田市江坂町', areaJa: '吹田', areaEn: 'Suita' },
  'DFLD-HKD': { address: '北海道札幌市中央区北一条西', areaJa: '札幌', areaEn: 'Sapporo' },
  'DIND-BLR': { address: 'Whitefield, Bengaluru, Karnataka', areaJa: 'ベンガルール', areaEn: 'Bengaluru' },
  'DIND-NOI': { address: 'Sector 62, Noida, Uttar Pradesh', areaJa: 'ノイダ', areaEn: 'Noida' },
  'DIND-CHN': { address: 'Guindy, Chennai, Tamil Nadu', areaJa: 'チェンナイ', areaEn: 'Chennai' },
  'DUSA-IRV': { address: 'Las Colinas, Irving, TX', areaJa: 'アーヴィング', areaEn: 'Irving' },
  'DUSA-SCL': { address: 'Santa Clara, CA', areaJa: 'サンタクララ', areaEn: 'Santa Clara' },
  'DTHA-BKK': { address: 'Sathon, Bangkok', areaJa: 'バンコク', areaEn: 'Bangkok' },
  'DTHA-CBR': { address: 'Amata City, Chon Buri', areaJa: 'チョンブリ', areaEn: 'Chonburi' },
};

/** The volunteer skills list: code, Japanese and English names. */
export const DEMO_SKILLS: ReadonlyArray<readonly [code: string, nameJa: string, nameEn: string]> = [
  ['it_support', 'ITサポート', 'IT support'],
  ['programming', 'プログラミング', 'Programming'],
  ['translation', '翻訳(日英)', 'Translation (Japanese and English)'],
  ['accounting', '会計・経理', 'Accounting'],
  ['design', 'デザイン', 'Design'],
  ['marketing', '広報・マーケティング', 'Communications and marketing'],
  ['teaching', '講師・学習支援', 'Teaching and tutoring'],
  ['first_aid', '救命講習修了(応急手当)', 'First aid'],
  ['sign_language', '手話', 'Sign language'],
  ['photography', '写真・動画撮影', 'Photography and video'],
  ['event_management', 'イベント運営', 'Event management'],
  ['data_analysis', 'データ分析', 'Data analysis'],
  ['legal', '法務', 'Legal'],
  ['cooking', '調理', 'Cooking'],
  ['childcare', '保育・子どもの見守り', 'Childcare'],
  ['caregiving', '介護', 'Caregiving'],
  ['carpentry', '大工仕事・DIY', 'Carpentry and DIY'],
];

/** Organisations that employees logged their own volunteering with (hour logs), by country. */
export const LOG_ORGANISATIONS: Record<string, readonly string[]> = {
  JP: [
    '日本赤十字社 東京都支部',
    '川崎市社会福祉協議会',
    'NPO法人 みどりの森づくり会',
    '地域のこども食堂 ひだまり',
    '町内会(防災部)',
    'NPO法人 まなびサポート',
    '少年サッカークラブ',
    '特別養護老人ホーム さくらの里',
    '災害ボランティアセンター',
    'NPO法人 フードバンクかながわ',
  ],
  IN: ['Community Kitchen Trust', 'Bengaluru Lake Trust', 'Bright Futures Mentoring', 'Local animal shelter'],
  US: [
    'Trinity Valley Food Bank',
    'Neighbourhood Homes Builders',
    'Youth mentoring club',
    'Local public library',
  ],
  TH: [
    'Thai Red Cross Society',
    "Sathon Children's Home",
    'Bang Saen Beach Club',
    'Friends of Rural Schools',
  ],
};

export const LOG_DESCRIPTIONS: Record<string, readonly string[]> = {
  JP: [
    '週末のイベント運営を手伝いました。',
    '子どもたちの学習支援をしました。',
    '地域の清掃活動に参加しました。',
    '高齢者施設で話し相手をしました。',
    '食品の仕分けと配布を手伝いました。',
    '防災訓練の受付と誘導をしました。',
  ],
  abroad: [
    'Helped run a weekend community event.',
    'Tutored children after school.',
    'Joined a neighbourhood clean-up.',
    'Sorted and packed food donations.',
    'Visited residents of a care home.',
    'Coached a youth sports team.',
  ],
};

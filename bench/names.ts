/**
 * Name material for the synthetic organisation: family and given names with their readings, the
 * places where group companies have sites, and department names. Written as `kanji:kana:latin`
 * lists so that the tables stay readable; the most common Japanese family names come first (the
 * generator draws them with a Zipf-like weight, as in a real workforce).
 */

export type Name = { ja: string; kana: string; en: string };

function parse(list: string): Name[] {
  return list
    .trim()
    .split(/\s+/)
    .map((entry) => {
      const [ja, kana, en] = entry.split(':');
      return { ja, kana, en: en.charAt(0).toUpperCase() + en.slice(1) };
    });
}

export const JP_FAMILY = parse(`
佐藤:さとう:sato 鈴木:すずき:suzuki 高橋:たかはし:takahashi 田中:たなか:tanaka 伊藤:いとう:ito
渡辺:わたなべ:watanabe 山本:やまもと:yamamoto 中村:なかむら:nakamura 小林:こばやし:kobayashi 加藤:かとう:kato
吉田:よしだ:yoshida 山田:やまだ:yamada 佐々木:ささき:sasaki 山口:やまぐち:yamaguchi 松本:まつもと:matsumoto
井上:いのうえ:inoue 木村:きむら:kimura 林:はやし:hayashi 斎藤:さいとう:saito 清水:しみず:shimizu
山崎:やまざき:yamazaki 森:もり:mori 池田:いけだ:ikeda 橋本:はしもと:hashimoto 阿部:あべ:abe
石川:いしかわ:ishikawa 山下:やました:yamashita 中島:なかじま:nakajima 石井:いしい:ishii 小川:おがわ:ogawa
前田:まえだ:maeda 岡田:おかだ:okada 長谷川:はせがわ:hasegawa 藤田:ふじた:fujita 後藤:ごとう:goto
近藤:こんどう:kondo 村上:むらかみ:murakami 遠藤:えんどう:endo 青木:あおき:aoki 坂本:さかもと:sakamoto
斉藤:さいとう:saito 福田:ふくだ:fukuda 太田:おおた:ota 西村:にしむら:nishimura 藤井:ふじい:fujii
金子:かねこ:kaneko 岡本:おかもと:okamoto 藤原:ふじわら:fujiwara 中野:なかの:nakano 三浦:みうら:miura
原田:はらだ:harada 中川:なかがわ:nakagawa 松田:まつだ:matsuda 竹内:たけうち:takeuchi 小野:おの:ono
田村:たむら:tamura 中山:なかやま:nakayama 和田:わだ:wada 石田:いしだ:ishida 森田:もりた:morita
上田:うえだ:ueda 原:はら:hara 内田:うちだ:uchida 柴田:しばた:shibata 酒井:さかい:sakai
宮崎:みやざき:miyazaki 横山:よこやま:yokoyama 高木:たかぎ:takagi 安藤:あんどう:ando 宮本:みやもと:miyamoto
大野:おおの:ohno 小島:こじま:kojima 谷口:たにぐち:taniguchi 今井:いまい:imai 工藤:くどう:kudo
高田:たかだ:takada 増田:ますだ:masuda 丸山:まるやま:maruyama 杉山:すぎやま:sugiyama 村田:むらた:murata
大塚:おおつか:otsuka 新井:あらい:arai 小山:こやま:koyama 平野:ひらの:hirano 藤本:ふじもと:fujimoto
河野:こうの:kono 上野:うえの:ueno 野口:のぐち:noguchi 武田:たけだ:takeda 松井:まつい:matsui
千葉:ちば:chiba 岩崎:いわさき:iwasaki 菅原:すがわら:sugawara 木下:きのした:kinoshita 久保:くぼ:kubo
佐野:さの:sano 野村:のむら:nomura 松尾:まつお:matsuo 市川:いちかわ:ichikawa 菊地:きくち:kikuchi
`);

export const JP_GIVEN_MALE = parse(`
太郎:たろう:taro 一郎:いちろう:ichiro 健太:けんた:kenta 翔太:しょうた:shota 大輔:だいすけ:daisuke
拓也:たくや:takuya 直樹:なおき:naoki 誠:まこと:makoto 浩:ひろし:hiroshi 隆:たかし:takashi
健一:けんいち:kenichi 和也:かずや:kazuya 哲也:てつや:tetsuya 剛:つよし:tsuyoshi 亮:りょう:ryo
悠斗:ゆうと:yuto 蓮:れん:ren 大和:やまと:yamato 陽翔:はると:haruto 湊:みなと:minato
修:おさむ:osamu 聡:さとし:satoshi 博之:ひろゆき:hiroyuki 雅人:まさと:masato 康介:こうすけ:kosuke
達也:たつや:tatsuya 祐介:ゆうすけ:yusuke 裕太:ゆうた:yuta 正樹:まさき:masaki 秀樹:ひでき:hideki
`);

export const JP_GIVEN_FEMALE = parse(`
花子:はなこ:hanako 陽子:ようこ:yoko 恵子:けいこ:keiko 美香:みか:mika 由美:ゆみ:yumi
直美:なおみ:naomi 智子:ともこ:tomoko 裕子:ゆうこ:yuko 愛:あい:ai 舞:まい:mai
彩:あや:aya 美咲:みさき:misaki さくら:さくら:sakura 結衣:ゆい:yui 陽菜:ひな:hina
葵:あおい:aoi 真由美:まゆみ:mayumi 久美子:くみこ:kumiko 明美:あけみ:akemi 麻衣:まい:mai
千尋:ちひろ:chihiro 香織:かおり:kaori 瞳:ひとみ:hitomi 綾香:あやか:ayaka 沙織:さおり:saori
美穂:みほ:miho 奈々:なな:nana 優子:ゆうこ:yuko 里奈:りな:rina 杏:あん:an
`);

// Outside Japan the Japanese-script name is the katakana reading, as Japanese HR systems keep it.
export const FOREIGN_NAMES: Record<string, { family: Name[]; given: Name[] }> = {
  IN: {
    family: parse(`シャルマ:シャルマ:sharma パテル:パテル:patel シン:シン:singh クマール:クマール:kumar
      グプタ:グプタ:gupta レッディ:レッディ:reddy アイヤー:アイヤー:iyer ナイル:ナイル:nair ラオ:ラオ:rao
      ダス:ダス:das メータ:メータ:mehta ジョシ:ジョシ:joshi`),
    given: parse(`プリヤ:プリヤ:priya ラフル:ラフル:rahul アミット:アミット:amit アンジャリ:アンジャリ:anjali
      ヴィクラム:ヴィクラム:vikram スネハ:スネハ:sneha アルジュン:アルジュン:arjun ディーパ:ディーパ:deepa
      ラヴィ:ラヴィ:ravi カヴィヤ:カヴィヤ:kavya サンジャイ:サンジャイ:sanjay プージャ:プージャ:pooja`),
  },
  TH: {
    family:
      parse(`スリスック:スリスック:srisuk チャイヤポーン:チャイヤポーン:chaiyaporn セータン:セータン:saetang
      ウォンサワット:ウォンサワット:wongsawat ラッタナコーン:ラッタナコーン:rattanakorn ブンミー:ブンミー:boonmee
      ソムブーン:ソムブーン:somboon ケーオマニー:ケーオマニー:kaewmanee`),
    given: parse(`ソムチャイ:ソムチャイ:somchai スダー:スダー:suda ニラン:ニラン:niran マリー:マリー:malee
      アナン:アナン:anan プロイ:プロイ:ploy キッティサック:キッティサック:kittisak シリポーン:シリポーン:siriporn`),
  },
  WEST: {
    family: parse(`スミス:スミス:smith ジョンソン:ジョンソン:johnson ウィリアムズ:ウィリアムズ:williams
      ブラウン:ブラウン:brown ジョーンズ:ジョーンズ:jones ガルシア:ガルシア:garcia ミラー:ミラー:miller
      デイヴィス:デイヴィス:davis ロドリゲス:ロドリゲス:rodriguez マルティネス:マルティネス:martinez
      ウィルソン:ウィルソン:wilson アンダーソン:アンダーソン:anderson テイラー:テイラー:taylor
      トーマス:トーマス:thomas ムーア:ムーア:moore リー:リー:lee`),
    given: parse(`ジェームズ:ジェームズ:james メアリー:メアリー:mary ロバート:ロバート:robert
      パトリシア:パトリシア:patricia ジョン:ジョン:john ジェニファー:ジェニファー:jennifer マイケル:マイケル:michael
      リンダ:リンダ:linda デイヴィッド:デイヴィッド:david エリザベス:エリザベス:elizabeth
      ウィリアム:ウィリアム:william サラ:サラ:sarah エミリー:エミリー:emily ダニエル:ダニエル:daniel`),
  },
};

export type Place = { ja: string; en: string; prefecture?: string; region?: string; timeZone: string };

/** Japanese places with their JIS X 0401 prefecture code. */
export const JP_PLACES: Place[] = [
  ['東京', 'Tokyo', '13'],
  ['府中', 'Fuchu', '13'],
  ['大阪', 'Osaka', '27'],
  ['名古屋', 'Nagoya', '23'],
  ['横浜', 'Yokohama', '14'],
  ['川崎', 'Kawasaki', '14'],
  ['相模原', 'Sagamihara', '14'],
  ['我孫子', 'Abiko', '12'],
  ['札幌', 'Sapporo', '01'],
  ['仙台', 'Sendai', '04'],
  ['福島', 'Fukushima', '07'],
  ['金沢', 'Kanazawa', '17'],
  ['静岡', 'Shizuoka', '22'],
  ['掛川', 'Kakegawa', '22'],
  ['広島', 'Hiroshima', '34'],
  ['福岡', 'Fukuoka', '40'],
  ['那覇', 'Naha', '47'],
].map(([ja, en, prefecture]) => ({ ja, en, prefecture, timeZone: 'Asia/Tokyo' }));

export const FOREIGN_PLACES: Record<string, Place[]> = {
  IN: [
    { ja: 'ベンガルール', en: 'Bengaluru', region: 'Karnataka', timeZone: 'Asia/Kolkata' },
    { ja: 'チェンナイ', en: 'Chennai', region: 'Tamil Nadu', timeZone: 'Asia/Kolkata' },
    { ja: 'ノイダ', en: 'Noida', region: 'Uttar Pradesh', timeZone: 'Asia/Kolkata' },
    { ja: 'プネー', en: 'Pune', region: 'Maharashtra', timeZone: 'Asia/Kolkata' },
  ],
  US: [
    { ja: 'アーヴィング', en: 'Irving', region: 'Texas', timeZone: 'America/Chicago' },
    { ja: 'サンタクララ', en: 'Santa Clara', region: 'California', timeZone: 'America/Los_Angeles' },
    { ja: 'ニューヨーク', en: 'New York', region: 'New York', timeZone: 'America/New_York' },
  ],
  TH: [
    { ja: 'バンコク', en: 'Bangkok', region: 'Bangkok', timeZone: 'Asia/Bangkok' },
    { ja: 'チョンブリ', en: 'Chonburi', region: 'Chonburi', timeZone: 'Asia/Bangkok' },
  ],
  GB: [{ ja: 'ロンドン', en: 'London', region: 'England', timeZone: 'Europe/London' }],
  SG: [{ ja: 'シンガポール', en: 'Singapore', region: 'Singapore', timeZone: 'Asia/Singapore' }],
  DE: [
    { ja: 'デュッセルドルフ', en: 'Düsseldorf', region: 'North Rhine-Westphalia', timeZone: 'Europe/Berlin' },
  ],
};

export const DEPARTMENTS: Array<{ code: string; ja: string; en: string }> = [
  ['GA', '総務部', 'General Affairs'],
  ['HR', '人事部', 'Human Resources'],
  ['ACC', '経理部', 'Accounting'],
  ['SLS', '営業部', 'Sales'],
  ['ENG', '技術部', 'Engineering'],
  ['RND', '研究開発部', 'Research and Development'],
  ['MFG', '製造部', 'Manufacturing'],
  ['QA', '品質保証部', 'Quality Assurance'],
  ['IT', '情報システム部', 'Information Systems'],
  ['CSR', 'CSR推進部', 'CSR Office'],
  ['LGL', '法務部', 'Legal'],
  ['PUR', '購買部', 'Procurement'],
  ['MKT', 'マーケティング部', 'Marketing'],
  ['CPL', '経営企画部', 'Corporate Planning'],
  ['PR', '広報部', 'Public Relations'],
  ['SVC', 'サービス部', 'Customer Service'],
].map(([code, ja, en]) => ({ code, ja, en }));

/** Business lines that name the group companies (ja, en). */
export const BUSINESS_LINES: Array<[string, string]> = [
  ['ソリューションズ', 'Solutions'],
  ['ネットワークス', 'Networks'],
  ['プラットフォームズ', 'Platforms'],
  ['フィールディング', 'Fielding'],
  ['ソフトウェア', 'Software'],
  ['システムテクノロジー', 'System Technology'],
  ['マネジメントパートナー', 'Management Partner'],
  ['ファシリティーズ', 'Facilities'],
  ['エンジニアリング', 'Engineering'],
  ['ロジスティクス', 'Logistics'],
];

/**
 * Name lists for the demo organisation: common Japanese family and given names (kanji, katakana
 * reading, Hepburn romanisation) and common names in India, the US and Thailand with the katakana
 * a Japanese HR system would hold for them.
 */
export type NamePart = { ja: string; kana: string; en: string };

const parse = (list: string): NamePart[] =>
  list
    .trim()
    .split(/\s+/)
    .map((entry) => {
      const [ja, kana, en] = entry.split(':');
      return { ja, kana, en };
    });
const foreign = (list: string): NamePart[] =>
  parse(list.replace(/(\S+):(\S+)/g, (_m, en: string, kana: string) => `${kana}:${kana}:${en}`));

export const JA_FAMILY = parse(`
佐藤:サトウ:Sato 鈴木:スズキ:Suzuki 高橋:タカハシ:Takahashi 田中:タナカ:Tanaka 伊藤:イトウ:Ito
渡辺:ワタナベ:Watanabe 山本:ヤマモト:Yamamoto 中村:ナカムラ:Nakamura 小林:コバヤシ:Kobayashi 加藤:カトウ:Kato
吉田:ヨシダ:Yoshida 山田:ヤマダ:Yamada 佐々木:ササキ:Sasaki 山口:ヤマグチ:Yamaguchi 松本:マツモト:Matsumoto
井上:イノウエ:Inoue 木村:キムラ:Kimura 林:ハヤシ:Hayashi 斎藤:サイトウ:Saito 清水:シミズ:Shimizu
山崎:ヤマザキ:Yamazaki 森:モリ:Mori 池田:イケダ:Ikeda 橋本:ハシモト:Hashimoto 阿部:アベ:Abe
石川:イシカワ:Ishikawa 山下:ヤマシタ:Yamashita 中島:ナカジマ:Nakajima 石井:イシイ:Ishii 小川:オガワ:Ogawa
前田:マエダ:Maeda 岡田:オカダ:Okada 長谷川:ハセガワ:Hasegawa 藤田:フジタ:Fujita 後藤:ゴトウ:Goto
近藤:コンドウ:Kondo 村上:ムラカミ:Murakami 遠藤:エンドウ:Endo 青木:アオキ:Aoki 坂本:サカモト:Sakamoto
福田:フクダ:Fukuda 太田:オオタ:Ota 西村:ニシムラ:Nishimura 藤井:フジイ:Fujii 金子:カネコ:Kaneko
岡本:オカモト:Okamoto 藤原:フジワラ:Fujiwara 中野:ナカノ:Nakano 三浦:ミウラ:Miura 原田:ハラダ:Harada
中川:ナカガワ:Nakagawa 松田:マツダ:Matsuda 竹内:タケウチ:Takeuchi 小野:オノ:Ono 田村:タムラ:Tamura
中山:ナカヤマ:Nakayama 和田:ワダ:Wada 石田:イシダ:Ishida 森田:モリタ:Morita 上田:ウエダ:Ueda
内田:ウチダ:Uchida 柴田:シバタ:Shibata 酒井:サカイ:Sakai 宮崎:ミヤザキ:Miyazaki 横山:ヨコヤマ:Yokoyama
高木:タカギ:Takagi 安藤:アンドウ:Ando 宮本:ミヤモト:Miyamoto 小島:コジマ:Kojima 谷口:タニグチ:Taniguchi
今井:イマイ:Imai 工藤:クドウ:Kudo 高田:タカダ:Takada 増田:マスダ:Masuda 丸山:マルヤマ:Maruyama
杉山:スギヤマ:Sugiyama 村田:ムラタ:Murata 大塚:オオツカ:Otsuka 新井:アライ:Arai 小山:コヤマ:Koyama
平野:ヒラノ:Hirano 藤本:フジモト:Fujimoto 河野:コウノ:Kono 上野:ウエノ:Ueno 野口:ノグチ:Noguchi
武田:タケダ:Takeda 松井:マツイ:Matsui 千葉:チバ:Chiba 岩崎:イワサキ:Iwasaki 菅原:スガワラ:Sugawara
木下:キノシタ:Kinoshita 久保:クボ:Kubo 佐野:サノ:Sano 野村:ノムラ:Nomura 松尾:マツオ:Matsuo
菊地:キクチ:Kikuchi 杉本:スギモト:Sugimoto 市川:イチカワ:Ichikawa 古川:フルカワ:Furukawa 大西:オオニシ:Onishi
島田:シマダ:Shimada 水野:ミズノ:Mizuno 桜井:サクライ:Sakurai 髙橋:タカハシ:Takahashi 渡邊:ワタナベ:Watanabe
`);

export const JA_GIVEN_MALE = parse(`
太郎:タロウ:Taro 健一:ケンイチ:Kenichi 翔太:ショウタ:Shota 大輔:ダイスケ:Daisuke 拓也:タクヤ:Takuya
直樹:ナオキ:Naoki 誠:マコト:Makoto 浩:ヒロシ:Hiroshi 隆:タカシ:Takashi 学:マナブ:Manabu
健太:ケンタ:Kenta 翔:ショウ:Sho 大樹:ダイキ:Daiki 亮:リョウ:Ryo 和也:カズヤ:Kazuya
達也:タツヤ:Tatsuya 悠斗:ユウト:Yuto 蓮:レン:Ren 陽翔:ハルト:Haruto 湊:ミナト:Minato
大翔:ヒロト:Hiroto 一郎:イチロウ:Ichiro 正人:マサト:Masato 秀樹:ヒデキ:Hideki 雅之:マサユキ:Masayuki
修:オサム:Osamu 剛:ツヨシ:Tsuyoshi 茂:シゲル:Shigeru 博之:ヒロユキ:Hiroyuki 俊介:シュンスケ:Shunsuke
裕太:ユウタ:Yuta 康平:コウヘイ:Kohei 亮介:リョウスケ:Ryosuke 慎也:シンヤ:Shinya 洋平:ヨウヘイ:Yohei
智也:トモヤ:Tomoya 聡:サトシ:Satoshi 哲也:テツヤ:Tetsuya 浩二:コウジ:Koji 克也:カツヤ:Katsuya
`);

export const JA_GIVEN_FEMALE = parse(`
花子:ハナコ:Hanako 美咲:ミサキ:Misaki 由美:ユミ:Yumi 恵:メグミ:Megumi さくら:サクラ:Sakura
愛:アイ:Ai 陽菜:ヒナ:Hina 結衣:ユイ:Yui 葵:アオイ:Aoi 美穂:ミホ:Miho
直美:ナオミ:Naomi 裕子:ユウコ:Yuko 久美子:クミコ:Kumiko 明美:アケミ:Akemi 真由美:マユミ:Mayumi
智子:トモコ:Tomoko 恵子:ケイコ:Keiko 幸子:サチコ:Sachiko 彩:アヤ:Aya 麻衣:マイ:Mai
沙織:サオリ:Saori 千尋:チヒロ:Chihiro 奈々:ナナ:Nana 杏:アン:An 凛:リン:Rin
芽衣:メイ:Mei 結菜:ユイナ:Yuina 美月:ミヅキ:Mizuki 香織:カオリ:Kaori 理恵:リエ:Rie
佳奈:カナ:Kana 綾香:アヤカ:Ayaka 瞳:ヒトミ:Hitomi 真理子:マリコ:Mariko 典子:ノリコ:Noriko
由紀:ユキ:Yuki 春香:ハルカ:Haruka 詩織:シオリ:Shiori 優花:ユウカ:Yuka 舞:マイ:Mai
`);

/** Given and family names per country, each as `Romanised:katakana`. */
export const FOREIGN_NAMES: Record<'IN' | 'US' | 'TH', { given: NamePart[]; family: NamePart[] }> = {
  IN: {
    given: foreign(`Aarav:アーラブ Vivaan:ヴィヴァーン Aditya:アディティヤ Arjun:アルジュン Rohan:ローハン
      Rahul:ラフル Amit:アミット Vikram:ヴィクラム Sanjay:サンジェイ Karthik:カールティク Priya:プリヤ
      Ananya:アナニャ Diya:ディヤ Kavya:カヴィヤ Neha:ネハ Pooja:プージャ Sneha:スネハ Lakshmi:ラクシュミ
      Deepa:ディーパ Meera:ミーラ`),
    family: foreign(`Sharma:シャルマ Patel:パテル Singh:シン Kumar:クマール Gupta:グプタ Iyer:アイヤー
      Reddy:レッディ Nair:ナーイル Rao:ラオ Menon:メノン Joshi:ジョシ Mehta:メータ Das:ダス
      Pillai:ピッライ Chatterjee:チャタジー`),
  },
  US: {
    given: foreign(`James:ジェームズ Michael:マイケル Robert:ロバート John:ジョン David:デイビッド
      William:ウィリアム Daniel:ダニエル Matthew:マシュー Christopher:クリストファー Andrew:アンドリュー
      Mary:メアリー Jennifer:ジェニファー Linda:リンダ Emily:エミリー Sarah:サラ Jessica:ジェシカ
      Ashley:アシュリー Olivia:オリビア Emma:エマ Sophia:ソフィア`),
    family: foreign(`Smith:スミス Johnson:ジョンソン Williams:ウィリアムズ Brown:ブラウン Jones:ジョーンズ
      Garcia:ガルシア Miller:ミラー Davis:デイビス Rodriguez:ロドリゲス Martinez:マルティネス
      Wilson:ウィルソン Anderson:アンダーソン Taylor:テイラー Thomas:トーマス Moore:ムーア Nguyen:グエン
      Kim:キム Lee:リー Clark:クラーク Lewis:ルイス`),
  },
  TH: {
    given: foreign(`Somchai:ソムチャイ Somsak:ソムサック Anan:アナン Niran:ニラン Prasert:プラスート
      Wichai:ウィチャイ Kittisak:キッティサック Chaiwat:チャイワット Narong:ナロン Sompong:ソムポン
      Siriporn:シリポーン Malee:マリー Nittaya:ニッタヤー Ratana:ラッタナー Suda:スダー Pranee:プラニー
      Wannee:ワンニー Kanya:カンヤー Apinya:アピンヤー Orathai:オラタイ`),
    family: foreign(`Saetang:セータン Srisuk:シースック Wongsawat:ウォンサワット Chaiyaporn:チャイヤポーン
      Rattanakul:ラッタナクン Boonmee:ブンミー Jaidee:ジャイディー Kaewkla:ケーオクラー Thongchai:トンチャイ
      Suwannarat:スワンナラット Phromma:プロンマー Sukhum:スクム Intharasuk:インタラスック
      Chanthong:チャントーン Meechai:ミーチャイ`),
  },
};

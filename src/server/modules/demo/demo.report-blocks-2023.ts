import { type DemoBlock, EXPENSES, FRAMEWORK, POLICY, program, REGIONAL } from './demo.report-blocks.js';

/** 2023年度 ("fiscal 2024", the English seed): disaster support, seven programs, volunteering, regions. */
export const BLOCKS_2023: DemoBlock[] = [
  POLICY,
  FRAMEWORK,
  {
    section: 'disaster',
    titleJa: '災害・復興支援',
    titleEn: 'Disaster and Recovery Support',
    bodyJa:
      '米国ハワイ州マウイ島の山火事、能登半島地震の被災者・被災地支援のため、グループとして寄付を行いました。また、世界のグループ各社で、オンライン募金やカフェテリアポイントによる社員募金を募り、日本赤十字社やジャパン・プラットフォームなどに寄付しました。\nさらに、東日本大震災と原子力発電所事故からの復興・再生に取り組む福島県と、DXの推進や県産品の振興を目的とした包括連携協定を締結しています。地域のさまざまな課題に迅速かつ的確に対応し、風評の払拭や震災の記憶の継承にも取り組みます。',
    bodyEn:
      'The group donated to support victims and areas affected by the wildfires on the island of Maui in Hawaii, U.S.A., and the earthquake on the Noto Peninsula in Japan. In addition, group companies around the world solicited employee donations to organizations such as the Red Cross and Japan Platform via online donations and cafeteria points.\nWe have also entered into a comprehensive partnership agreement with Fukushima Prefecture, which is striving to recover from the Great East Japan Earthquake and the nuclear accident, to promote digital transformation (DX) and local products. The agreement enables us to address the region’s issues quickly and accurately, dispel rumors and keep the disasters and their aftermath relevant.',
  },
  program(
    'SES',
    '2002年度にNPO法人ETIC.と協働で始めた、若手社会起業家を育成する社会起業塾は、数多くの社会起業家を輩出し「社会変革の登竜門」と呼ばれています。2023年度は、介護タクシー・民間救急の予約サービス「mairu」を運営するmairu tech株式会社と、シニア向けテーマパーク「シルバニア」を運営する株式会社Omohibitoを支援しました。卒業生とは、子ども・子育て領域の新規事業の共創にも取り組んでいます。',
    'In fiscal 2003, we began the Social Entrepreneurship School with the NPO ETIC. to nurture young social entrepreneurs. Called a gateway for social innovators, it has produced many celebrated ones. In fiscal 2024, we supported mairu tech Inc., which operates "mairu", a service for booking welfare taxis and private ambulances, and Omohibito Co., Ltd., which operates the Silvernia theme park for seniors. We also work with graduates on new businesses for children and child-rearing.',
  ),
  program(
    'PROBONO',
    '社員のプロフェッショナルスキルでNPOや社会起業家の課題解決を支援するプロボノイニシアチブを、2010年度に国内企業で初めて開始しました。2023年度は東京都、川崎市、社会起業塾の卒業生とプロボノで協働しました。川崎市とは市制100周年のプレイベントとして、プロボノクラブの社員チームが「かわさきSDGsパートナーフェスタ」を企画・運営し、2日間で多くの来場者が訪れました。',
    'In fiscal 2011, we introduced the Pro Bono Initiative, helping NPOs and social entrepreneurs with the professional skills of employees, the first pro bono program of a Japanese company. In fiscal 2024, we worked with the Tokyo Metropolitan Government, Kawasaki City and graduates of the Social Entrepreneurship School. For the prelude to the 100th anniversary of Kawasaki City, a team of the Pro Bono Club planned and ran the Kawasaki SDGs Partner Festival, which many people attended over two days.',
  ),
  program(
    'FUTURE',
    '高等学校の新学習指導要領に合わせ、教育コンサルティング会社のキャリアリンクと、SDGsをテーマに理想の未来づくりを学ぶ高校生向けの未来創造プログラムを開発しました。神奈川県と福島県の高校で、生徒と社員がオンラインで参加しました。福島県立白河高等学校での授業は福島県との包括連携協定に基づく初めての授業で、生徒は町の復興計画をテーマにアイデアを出し、社員との対話を通じて磨きました。',
    'In line with the revised high school curriculum guidelines, we developed the Future Creation Program with the educational consulting company Careerlink: high school students learn to create an ideal future through the SDGs. Students and employees took part online at high schools in Kanagawa and Fukushima. The classes at Fukushima Prefectural Shirakawa High School were the first under the comprehensive partnership agreement with Fukushima Prefecture: students came up with ideas for town reconstruction and refined them in dialogue with employees.',
  ),
  program(
    'ENET',
    '小学3・4年生から高校生、保護者・教職員を対象に、インターネットを安全・安心に使うための啓発・指導を行うe-ネットキャラバンに、認定講師の社員が全国で参加しています。子どもの権利とビジネス原則に掲げる子どもの権利に対応する取り組みです。',
    'In e-Net Caravan, certified employee instructors teach pupils from the third grade to high school, guardians and teachers how to use the internet safely and securely, nationwide. The initiative addresses the rights of children set out in the Children’s Rights and Business Principles.',
  ),
  program(
    'PARASPORTS',
    'パラスポーツの普及・発展に向けて、地域の関係者と協力し、県のパラスポーツ大会やパラ大学祭の企画・開催、ボッチャの活動を支援しています。岡山県では、地域が自ら企画・運営できる県大会のモデルをつくりました。',
    'To promote para-sports, we work with regional stakeholders to plan and hold prefectural para-sport competitions and Para University Festivals, and support Boccia. Okayama Prefecture built a model of competitions that the community plans and runs itself, which we aim to spread to other regions.',
  ),
  program(
    'WTENNIS',
    '1991年から30年以上にわたり国際テニス連盟の車いすテニス大会を支援し、社員も大会運営を支えています。',
    'Since 1991, for over 30 years, we have supported the International Tennis Federation’s wheelchair tennis tournaments, and employees have supported their operation.',
  ),
  program(
    'DIALOGUE',
    '社員一人ひとりがステークホルダーとの対話を通じて社会課題への気づきや学び、新たな事業創造のヒントを得る場として、NGOとの対話「Social Innovation Dialogue」を実施しました。NGOからグローバルな社会課題について説明いただいた後、課題解決のためのICT活用の可能性を議論しました。',
    'We held the Social Innovation Dialogue, where employees learn about social issues and find hints for new businesses in dialogue with stakeholders. NGOs explained global social issues, then we discussed how ICT could help solve them.',
  ),
  {
    section: 'volunteering',
    titleJa: '社員のボランティア活動の推進',
    titleEn: 'Promoting Employees’ Volunteer Activities',
    bodyJa:
      'カフェテリアプランのポイントを「ボランティア活動費の補助」と「ボランティア団体・被災地への寄付」に使えるようにし、交通費や日本赤十字社・ユニセフなどへの寄付に充てられるようにしています。ボランティアサポートサービス（社員ボランティアのデータベース）でオンラインを含む多様な機会を紹介し、気軽で主体的な参加を促しました。毎年12月と1月には、ベルマークや使用済み本、書き損じはがきなど7品目の収集活動を行い、NPOなどを通じて被災地や途上国の支援に役立てています。',
    bodyEn:
      'Under the cafeteria-style benefits system, employees may use points for "volunteer activity expenses" such as transport, or "donations to volunteer groups and areas affected by disasters" such as the Red Cross and UNICEF. Through the Volunteer Support Service (a database of employee volunteers) we introduced a range of opportunities, including online, and promoted casual and proactive volunteering. Every December and January, we collect seven items, including Bellmark symbols, used books and used postcards, which support people in disaster-affected areas and developing countries through NPOs.',
  },
  ...REGIONAL,
  EXPENSES,
];

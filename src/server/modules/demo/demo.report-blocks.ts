import type { ReportSection } from '../reports/reports.table.js';

/** A block of the demo's reports: its section, the program it highlights (by code), its texts. */
export type DemoBlock = {
  section: ReportSection;
  program?: string;
  titleJa?: string;
  titleEn?: string;
  bodyJa: string;
  bodyEn: string;
};

const POLICY: DemoBlock = {
  section: 'policy',
  titleJa: '取り組み方針',
  titleEn: 'Policy on Corporate Citizenship Activities',
  bodyJa:
    'デモ電気グループは、企業理念のもと、社会の声を聴き対話を進めるソーシャルエンゲージメントを推進しています。この一環として、社員一人ひとりが良き企業市民として、中長期的な社会課題の解決に資する企業市民活動に取り組んでいます。\n活動は「教育・文化・スポーツ」「福祉・ダイバーシティ」「環境」「地域貢献活動」の4つの分野で、地域のみなさまやNPO・NGO、自治体、大学などの協力を得ながら推進しています。社会課題解決の担い手は地域のみなさまであり、私たちはみなさまから信頼される存在として課題解決を支援したいと考えています。\n社会貢献プログラムや連携するNPOは方針とガイドラインに基づいて選定し、評価制度により定期的に社会的インパクトを確認して、プログラムの改善や見直しを進めています。',
  bodyEn:
    'Guided by its corporate philosophy, the Demo Electric Group promotes social engagement: listening to society and engaging in dialogue. As part of this, each member of the group acts as a good corporate citizen through corporate citizenship activities aimed at resolving social issues over the medium to long term.\nWe work in four fields, "Education, Culture and Sports", "Welfare and Diversity", "Environment" and "Regional Contribution", with local communities, NPOs and NGOs, local governments and universities. Local communities play the leading role in solving social issues, and we want to support them as a partner they can trust.\nThe social contribution programs and collaborating NPOs are selected based on our policies and guidelines, and an evaluation system regularly confirms their social impact so that programs are improved and revised.',
};

const FRAMEWORK: DemoBlock = {
  section: 'framework',
  titleJa: '推進体制',
  titleEn: 'Corporate Citizenship Activity Framework',
  bodyJa:
    '当グループの企業市民活動は、次の3つの推進主体で取り組んでいます。\n・本社エンゲージメント推進室およびグループ各社の企業市民活動推進部門が中心となって企画・実施する社会貢献プログラム\n・全世界のグループ社員がプロモータとなって主体的に参加する地域貢献活動\n・財団による各種助成',
  bodyEn:
    'Our corporate citizenship activities are conducted under three implementation frameworks:\n- social contribution programs planned and executed by the engagement office of the head company and the corporate citizenship departments of each group company;\n- activities for local communities in which group employees around the world take part as promoters; and\n- grants from foundations.',
};

const EXPENSES: DemoBlock = {
  section: 'expenses',
  titleJa: '企業市民活動支出について',
  titleEn: 'About corporate citizenship activity expenses',
  bodyJa:
    '企業市民活動支出には、1）金銭的支援、2）製品などの寄贈（市場単価ベース）、3）施設開放（自社施設の社会貢献的な利用につき、外部施設市場単価ベースで金額換算）を含みます。活動費の各分野は、一般社団法人日本経済団体連合会の社会貢献活動実績調査での活動分野を適用しています。',
  bodyEn:
    'Corporate citizenship activity expenses include financial assistance, charitable donations of products quoted on a unit price basis, and public use of our facilities (converted into monetary amounts based on the unit price of using equivalent external facilities). The fields follow those of the Keidanren survey of social contribution activities.',
};

const REGIONAL: DemoBlock[] = [
  {
    section: 'regional',
    program: 'INDIA',
    titleJa: 'インド法人の取り組み',
    titleEn: 'Initiatives in India',
    bodyJa:
      'インド法人は、農村部の子どもたち、経済的に困難な高齢者、夫を亡くした女性への支援活動を行っています（Gift the Warmth Drive、Radhakund Ashram、NGO Krishとの協働、恵まれない子どもたちへの教育支援）。',
    bodyEn:
      'Our Indian subsidiary supports children in rural areas, elderly people with financial difficulties and women who have lost their husbands (the Gift the Warmth Drive, Radhakund Ashram, collaboration with the NGO Krish, and education for underprivileged children).',
  },
  {
    section: 'regional',
    program: 'US-TX',
    titleJa: '米国法人の取り組み',
    titleEn: 'Initiatives in the United States',
    bodyJa:
      'テキサス州の小学校や非営利団体と協力し、児童への教育支援やホームレスの方々への生活支援を行っています（Catch Up & Read、Young Women’s Preparatory Network、Haven for Hope）。',
    bodyEn:
      'We work with elementary schools and non-profit organizations in Texas to provide educational support for students and life support for the homeless (Catch Up & Read, the Young Women’s Preparatory Network, Haven for Hope).',
  },
  {
    section: 'regional',
    program: 'THAI',
    titleJa: 'タイ法人の取り組み',
    titleEn: 'Initiatives in Thailand',
    bodyJa: 'タイの文化と仏教を守るカティン活動に取り組んでいます。',
    bodyEn: 'We are engaged in Kathin activities to protect Thai culture and Buddhism.',
  },
];

const program = (code: string, bodyJa: string, bodyEn: string): DemoBlock => ({
  section: 'programs',
  program: code,
  bodyJa,
  bodyEn,
});

/** 2018年度 (the Japanese seed): the pro bono projects with municipalities, e-Net Caravan, wheelchair tennis. */
const BLOCKS_2018: DemoBlock[] = [
  POLICY,
  FRAMEWORK,
  program(
    'PROBONO',
    '社員の持つプロフェッショナルスキルをNPOや社会起業家の課題解決に役立てることを目的に、2010年にNPO法人サービスグラントと協働でプロボノを開始しました。2018年度は自治体と連携したプロジェクトを実施しました。特に掛川市（静岡県）と連携した地域創生プロジェクトでは、伝統工芸品である葛布（かっぷ）の利活用拡大のための戦略策定に取り組み、ワークショップには地域住民や市職員が参加し、利活用に向けたプロジェクトが生まれました。',
    'In 2010 we began pro bono activities with the NPO Service Grant, so that the professional skills of employees help NPOs and social entrepreneurs address their issues. In fiscal 2019 we ran projects with municipalities. With Kakegawa City (Shizuoka Prefecture) we drew up a strategy to widen the use of kuzufu, the city’s traditional arrowroot cloth: residents and city staff took part in the workshops, and projects for its use were born.',
  ),
  program(
    'SES',
    'NPO法人ETIC.と協働し、若手社会起業家を育成する社会起業塾を続けています。',
    'We continue the Social Entrepreneurship School, which nurtures young social entrepreneurs with the NPO ETIC.',
  ),
  program(
    'ENET',
    'インターネットを安全・安心に使うための啓発・指導を、認定講師の社員が全国で行っています。',
    'Certified employee instructors teach safe and secure use of the internet across Japan.',
  ),
  program(
    'WTENNIS',
    '1991年から国際テニス連盟の車いすテニス大会を支援し、社員も大会運営を支えています。',
    'Since 1991 we have supported the International Tennis Federation’s wheelchair tennis tournaments, with employees helping to run them.',
  ),
  {
    section: 'volunteering',
    titleJa: '社員のボランティア活動の推進',
    titleEn: 'Promoting Employees’ Volunteer Activities',
    bodyJa:
      'ボランティアサポートサービスで多様なボランティア機会を紹介し、社員の気軽で主体的な参加を促しています。毎年12月と1月には、ベルマークや使用済み切手、書き損じはがきなど7品目の収集活動を行っています。',
    bodyEn:
      'Through the Volunteer Support Service we introduce a range of volunteering opportunities and promote casual and proactive volunteering. Every December and January, we collect seven items, including Bellmark symbols, used stamps and used postcards.',
  },
  ...REGIONAL,
  EXPENSES,
];

export { BLOCKS_2018, EXPENSES, FRAMEWORK, POLICY, program, REGIONAL };

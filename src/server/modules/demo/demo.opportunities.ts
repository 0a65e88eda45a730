import type { Field } from '../../../shared/fields.js';
import type { OpportunityMode } from '../../../shared/volunteering.js';
import { JAPAN_TEMPLATES } from './demo.opportunities-japan.js';

/**
 * Who can take part: employees of one country's companies, or everyone (online activities in English
 * that the group runs for all its companies).
 */
export type Pool = 'JP' | 'IN' | 'US' | 'TH' | 'GLOBAL';
export const POOLS: readonly Pool[] = ['JP', 'IN', 'US', 'TH', 'GLOBAL'];

/** An activity the demo repeats over the years, at different sites and dates. */
export type DemoTemplate = {
  pool: Pool;
  field: Field;
  mode: OpportunityMode;
  sdgs: number[];
  ja: [title: string, description: string];
  en: [title: string, description: string];
  partner?: string;
  skills?: string[];
  family?: boolean;
  transport?: boolean;
  /** Seats per shift, smallest and largest. */
  capacity: [number, number];
  /** Local start time (HH:MM) and length of each shift in minutes. */
  start: string;
  minutes: number;
  /** How many shifts (default one), and the days between them (default one). */
  shifts?: [number, number];
  every?: number;
  /** Held on Saturdays and Sundays; otherwise on weekdays. */
  weekend?: boolean;
  /** Organised by one of these sites; otherwise by any site of the pool's companies. */
  sites?: string[];
  /** Held away from the organising site: a prefecture (Japan) or region, and the address. */
  place?: { prefecture?: string; region?: string; address: string };
  /** Held at or near the organising site: the title names the site's area. */
  local?: boolean;
  /** Open to the organising company's employees only. */
  internal?: boolean;
  /** How often the activity comes round, relative to the others (default 1). */
  weight?: number;
  /** Held only in these months (1 to 12). */
  months?: number[];
  /** Held only from this day on (YYYY-MM-DD): support after a disaster. */
  since?: string;
};

/** Activities abroad (India, the US, Thailand) and the group's online activities in English. */
// biome-ignore format: a table of activities, one compact block each, read as a table
const ABROAD_TEMPLATES: DemoTemplate[] = [
  {
    pool: 'IN', field: 'environment', mode: 'on_site', sdgs: [13, 15], weekend: true, family: true,
    capacity: [30, 80], start: '07:30', minutes: 180, weight: 2, local: true, partner: 'Green Bengaluru Trust',
    ja: ['植樹ドライブ', '地域の学校や公園に在来種の苗木を植え、水やりの当番を決めます。'],
    en: ['Tree plantation drive', 'Plant native saplings at local schools and parks and set up a watering rota.'],
  },
  {
    pool: 'IN', field: 'environment', mode: 'on_site', sdgs: [6, 14], weekend: true, capacity: [20, 50],
    start: '07:00', minutes: 180, sites: ['DIND-BLR'], partner: 'Bengaluru Lake Trust',
    place: { region: 'Karnataka', address: 'Bellandur Lake, Bengaluru' },
    ja: ['ベランドゥール湖の清掃', '湖岸のごみを回収し、水質調査を手伝います。'],
    en: ['Bellandur Lake clean-up', 'Collect waste from the lake shore and help with water-quality sampling.'],
  },
  {
    pool: 'IN', field: 'education_culture_sports', mode: 'hybrid', sdgs: [4, 5], capacity: [8, 20],
    start: '10:00', minutes: 120, shifts: [3, 5], every: 7, skills: ['teaching', 'it_support'], local: true,
    partner: 'Rural Digital Skills Foundation', ja: ['農村女性向けデジタルリテラシー講座', '農村の女性に、スマートフォン決済や行政サービスの使い方を教えます。'],
    en: ['Digital literacy classes for rural women', 'Teach women from rural villages to use mobile payments and online public services.'],
  },
  {
    pool: 'IN', field: 'education_culture_sports', mode: 'online', sdgs: [4, 8], capacity: [10, 25],
    start: '18:30', minutes: 60, shifts: [3, 6], every: 7, skills: ['programming'], partner: 'Bright Futures Mentoring',
    ja: ['工学部生へのオンラインメンタリング', '地方の工学部の学生に、キャリアとプログラミングの相談に乗ります。'],
    en: ['Online mentoring for engineering students', 'Mentor engineering students from smaller towns on careers and programming.'],
  },
  {
    pool: 'IN', field: 'welfare_diversity', mode: 'on_site', sdgs: [2], capacity: [10, 25], start: '11:00',
    minutes: 180, local: true, weight: 2, partner: 'Community Kitchen Trust',
    ja: ['コミュニティキッチンでの配食', '学校給食と地域の配食のため、調理と配膳を手伝います。'],
    en: ['Meal service at a community kitchen', 'Help cook and serve meals for school children and neighbours.'],
  },
  {
    pool: 'IN', field: 'welfare_diversity', mode: 'on_site', sdgs: [3], capacity: [10, 20], start: '09:30',
    minutes: 300, local: true, internal: true, skills: ['first_aid'], partner: 'Indian Red Cross Society',
    ja: ['献血キャンプの運営', '事業所での献血キャンプで、受付と献血後のケアを担当します。'],
    en: ['Blood donation camp', 'Run registration and after-care at the blood donation camp at our office.'],
  },
  {
    pool: 'US', field: 'welfare_diversity', mode: 'on_site', sdgs: [2, 12], weekend: true, family: true,
    capacity: [20, 40], start: '09:00', minutes: 180, weight: 2, sites: ['DUSA-IRV'], partner: 'Trinity Valley Food Bank',
    place: { region: 'Texas', address: 'Plano, TX' },
    ja: ['フードバンクでの食品仕分け(ダラス近郊)', '寄付された食品を仕分け、家族向けの食料箱に詰めます。'],
    en: ['Sorting at a food bank near Dallas', 'Sort donated food and pack boxes for families.'],
  },
  {
    pool: 'US', field: 'regional', mode: 'on_site', sdgs: [1, 11], weekend: true, capacity: [10, 15],
    start: '08:00', minutes: 420, skills: ['carpentry'], local: true, partner: 'Neighbourhood Homes Builders',
    ja: ['住宅建設ボランティア', '低所得の家族のための住宅建設で、壁づくりや塗装を手伝います。'],
    en: ['Home build day', 'Frame walls and paint on a home being built for a local family.'],
  },
  {
    pool: 'US', field: 'education_culture_sports', mode: 'hybrid', sdgs: [4, 5], capacity: [8, 16],
    start: '16:00', minutes: 90, shifts: [3, 5], every: 7, skills: ['programming', 'teaching'], local: true,
    partner: 'STEM Girls Club', ja: ['中学生女子のためのSTEMメンタリング', '中学生の女子生徒と、ロボットやアプリづくりに取り組みます。'],
    en: ['STEM mentoring for middle-school girls', 'Build robots and apps with middle-school girls.'],
  },
  {
    pool: 'US', field: 'environment', mode: 'on_site', sdgs: [6, 15], weekend: true, family: true,
    capacity: [15, 40], start: '09:00', minutes: 180, sites: ['DUSA-SCL'], partner: 'Guadalupe Creek Stewards',
    place: { region: 'California', address: 'Guadalupe River Park, San Jose, CA' },
    ja: ['グアダルーペ川のクリーンアップ', '川沿いのごみを拾い、外来植物を取り除きます。'],
    en: ['Guadalupe River clean-up', 'Pick up litter and pull invasive plants along the creek.'],
  },
  {
    pool: 'US', field: 'education_culture_sports', mode: 'on_site', sdgs: [3, 10], weekend: true,
    capacity: [20, 40], start: '08:00', minutes: 300, local: true, partner: 'Texas Inclusive Games',
    ja: ['インクルーシブ・スポーツ大会ボランティア', '競技の記録係や選手の誘導、表彰式の準備をします。'],
    en: ['Inclusive sports games volunteers', 'Keep score, guide athletes and prepare the medal ceremony.'],
  },
  {
    pool: 'TH', field: 'environment', mode: 'on_site', sdgs: [13, 14, 15], weekend: true, family: true,
    capacity: [30, 60], start: '08:00', minutes: 240, weight: 2, sites: ['DTHA-CBR', 'DTHA-BKK'],
    place: { region: 'Chon Buri', address: 'Ban Khlong Tamru mangroves, Chon Buri' },
    partner: 'Eastern Seaboard Mangrove Network', ja: ['マングローブ植林(チョンブリ)', '干潟にマングローブの苗を植え、海岸の生態系を守ります。'],
    en: ['Mangrove planting in Chonburi', 'Plant mangrove seedlings on the mudflats to protect the coast.'],
  },
  {
    pool: 'TH', field: 'environment', mode: 'on_site', sdgs: [13, 15], weekend: true, capacity: [20, 40],
    start: '08:30', minutes: 240, sites: ['DTHA-CBR'], partner: 'Khao Kheow Forest Volunteers',
    place: { region: 'Chon Buri', address: 'Khao Kheow, Si Racha' },
    ja: ['カオキアオの森の植樹', '動物園に隣接する森に在来種の木を植えます。'],
    en: ['Tree planting at Khao Kheow', 'Plant native trees in the forest next to the open zoo.'],
  },
  {
    pool: 'TH', field: 'environment', mode: 'on_site', sdgs: [14], weekend: true, family: true, capacity: [30, 60],
    start: '07:30', minutes: 150, sites: ['DTHA-CBR', 'DTHA-BKK'], partner: 'Bang Saen Beach Club',
    place: { region: 'Chon Buri', address: 'Bang Saen Beach, Chon Buri' },
    ja: ['バンセン・ビーチクリーン', 'バンセンビーチの清掃と、ごみの分別・記録をします。'],
    en: ['Bang Saen beach clean-up', 'Clean Bang Saen beach, then sort and record the litter.'],
  },
  {
    pool: 'TH', field: 'education_culture_sports', mode: 'on_site', sdgs: [4], capacity: [6, 12], start: '09:00',
    minutes: 240, shifts: [2, 4], every: 7, skills: ['teaching'], local: true, partner: 'Friends of Rural Schools',
    ja: ['農村の学校での英語レッスン', '地方の小学校で、歌やゲームを使って英語を教えます。'],
    en: ['English lessons at a rural school', 'Teach English with songs and games at a village primary school.'],
  },
  {
    pool: 'TH', field: 'welfare_diversity', mode: 'on_site', sdgs: [1, 10], capacity: [8, 15], start: '13:00',
    minutes: 180, sites: ['DTHA-BKK'], local: true, partner: 'Sathon Children\'s Home',
    ja: ['バンコクの児童養護施設での活動', '子どもたちと遊び、宿題を見て、施設の掃除を手伝います。'],
    en: ["Afternoon at a Bangkok children's home", 'Play with the children, help with homework and clean the home.'],
  },
  {
    pool: 'GLOBAL', field: 'education_culture_sports', mode: 'online', sdgs: [4, 17], capacity: [20, 60],
    start: '17:00', minutes: 60, shifts: [2, 4], every: 7, weight: 2, partner: 'Global Classroom Network',
    ja: ['オンライン英会話:各国の高校生と交流', 'グループ各社の社員が、日本とアジアの高校生と英語で話します。'],
    en: ['Online English conversation with high school students', 'Employees from across the group talk with students in Japan and Asia in English.'],
  },
  {
    pool: 'GLOBAL', field: 'welfare_diversity', mode: 'online', sdgs: [10, 17], capacity: [20, 50], start: '16:00',
    minutes: 180, skills: ['translation'], partner: 'Open Translation Volunteers',
    ja: ['NGO支援 翻訳マラソン', '人道支援団体の資料を、グループ各国の社員が一斉に翻訳します。'],
    en: ['Translation marathon for NGOs', 'Employees across the group translate materials for humanitarian organisations.'],
  },
  {
    pool: 'GLOBAL', field: 'regional', mode: 'online', sdgs: [16, 17], capacity: [30, 80], start: '17:30',
    minutes: 90, partner: 'Japan Platform',
    ja: ['ソーシャル・イノベーション・ダイアログ', 'NGOの方々と、ICTで解決できる社会課題について対話します。'],
    en: ['Social Innovation Dialogue', 'A dialogue with NGOs on social problems that ICT can help solve.'],
  },
  {
    pool: 'GLOBAL', field: 'regional', mode: 'online', sdgs: [9, 17], capacity: [5, 10], start: '18:00',
    minutes: 120, shifts: [3, 4], every: 14, skills: ['data_analysis'], partner: 'Data for Good Network',
    ja: ['オンライン・プロボノ:NGOのデータ分析', 'NGOの活動データを分析し、成果を伝えるダッシュボードをつくります。'],
    en: ['Online pro bono: data analysis for an NGO', "Analyse an NGO's programme data and build a dashboard of its results."],
  },
  {
    pool: 'GLOBAL', field: 'welfare_diversity', mode: 'online', sdgs: [10], capacity: [10, 30], start: '17:00',
    minutes: 90, skills: ['it_support', 'design'], partner: 'Accessible Web Initiative',
    ja: ['NPOウェブサイトのアクセシビリティ点検', '読み上げソフトなどを使い、NPOのウェブサイトの使いにくい点を報告します。'],
    en: ['Accessibility testing of NPO websites', 'Use screen readers and other tools to report what blocks people on NPO websites.'],
  },
];

export const DEMO_TEMPLATES: readonly DemoTemplate[] = [...JAPAN_TEMPLATES, ...ABROAD_TEMPLATES];

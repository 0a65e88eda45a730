import { sql } from 'drizzle-orm';
import { fiscalYearOf } from '../../../shared/fiscal-year.js';
import type { Tx } from '../../db/client.js';
import { rowsOf } from '../../lib/sql.js';
import { programSessionAttendees, programSessionCounts, programSessions } from '../programs/records.table.js';
import {
  surveyAnswers,
  surveyIndicators,
  surveyQuestions,
  surveyResponses,
  surveys,
} from '../programs/surveys.table.js';
import { mulberry32 } from './demo.generator.js';
import { between, chance, pick, sample } from './demo.random.js';

type Counts = Partial<
  Record<'students' | 'guardians' | 'teachers' | 'employees' | 'public' | 'organisations', number>
>;
type DemoSession = {
  program: string;
  ref: string;
  kind: 'class' | 'workshop' | 'event' | 'dialogue';
  titleJa: string;
  titleEn: string;
  startsOn: string;
  endsOn?: string;
  placeJa?: string;
  placeEn?: string;
  partner?: string;
  project?: string;
  counts: Counts;
  attendees: string[];
};

/** Hours each employee gives to a session of the kind: half a day for a class or dialogue, a day at the festival. */
const HOURS_PER_EMPLOYEE: Record<DemoSession['kind'], number> = {
  class: 2,
  dialogue: 2,
  workshop: 3,
  event: 8,
};

/** The employees' time of a session in minutes: their count times the hours of its kind (null with none). */
const employeeMinutes = (s: DemoSession) =>
  s.counts.employees ? s.counts.employees * HOURS_PER_EMPLOYEE[s.kind] * 60 : null;

const ENET_PLACES = [
  ['市立小学校（川崎市）', 'Municipal elementary school, Kawasaki'],
  ['市立中学校（横浜市）', 'Municipal junior high school, Yokohama'],
  ['区立小学校（東京都港区）', 'Ward elementary school, Minato, Tokyo'],
  ['県立高等学校（埼玉県）', 'Prefectural high school, Saitama'],
  ['市立小学校（府中市）', 'Municipal elementary school, Fuchu'],
  ['町立中学校（福島県）', 'Town junior high school, Fukushima'],
  ['市立小学校（相模原市）', 'Municipal elementary school, Sagamihara'],
  ['公民館（保護者向け）', 'Community centre (for guardians)'],
] as const;

/**
 * The program sessions of the seed: the Kakegawa workshops (2018, 152 participants), the Future
 * Creation Program's classes at three high schools (70 students, 47 named employees) with its survey
 * (everyone deepened their understanding, 90% found their interest grew, 70 responses), the Kawasaki
 * SDGs Partner Festival (two days, about 4,000 visitors), the Social Innovation Dialogue (58 employees,
 * 3 NGOs) and ten years of e-Net Caravan classes, each with its employees' hours (employeeMinutes).
 * Programs or partners that are missing are skipped; deterministic. Named attendees count in the volunteering participants KPI (drizzle/0011).
 */
export async function insertDemoProgramSessions(tx: Tx, orgId: string, today: string): Promise<void> {
  const rng = mulberry32(0x5e5510);
  const ids = async (q: ReturnType<typeof sql>) =>
    new Map((await rowsOf<{ id: string; code: string }>(tx, q)).map((r) => [r.code, r.id]));
  const programs = await ids(sql`select id, code from programs where org_id = ${orgId}`);
  const partners = await ids(sql`select id, code from partners where org_id = ${orgId}`);
  const projects = await ids(sql`select id, code from program_projects where org_id = ${orgId}`);
  const [{ month }] = await rowsOf<{ month: number }>(
    tx,
    sql`select fiscal_year_start_month as month from organisations where id = ${orgId}`,
  );
  const staff = (
    await rowsOf<{ id: string }>(
      tx,
      sql`select e.id from employees e
        where e.org_id = ${orgId} and e.employment_status = 'active' and e.company_id in
          (select company_id from programs where org_id = ${orgId} and code in ('FUTURE', 'ENET', 'PROBONO', 'DIALOGUE'))
        order by e.employee_number`,
    )
  ).map((r) => r.id);
  // The employees named at sessions are drawn from those who volunteered in the same fiscal year, so the
  // participants KPI keeps the seed's figures (13,000 in fiscal 2024, 9,520 the year before); a year the
  // volunteering demo does not cover falls back to every employee of the programs' companies.
  const volunteers = new Map<number, string[]>();
  for (const r of await rowsOf<{ fy: number; id: string }>(
    tx,
    sql`select y.fiscal_year as fy, y.employee_id as id from volunteer_activity_years y
      join employees e on e.org_id = y.org_id and e.id = y.employee_id
      where y.org_id = ${orgId} and y.field = 'all' and (y.participations > 0 or y.minutes > 0)
        and e.company_id in
          (select company_id from programs where org_id = ${orgId} and code in ('FUTURE', 'ENET', 'PROBONO', 'DIALOGUE'))
      order by y.fiscal_year, e.employee_number`,
  )) {
    const fy = Number(r.fy);
    const list = volunteers.get(fy) ?? [];
    if (!list.length) volunteers.set(fy, list);
    list.push(r.id);
  }
  const staffIn = (fy: number) => {
    const list = volunteers.get(fy) ?? [];
    return list.length >= 100 ? list : staff;
  };
  const team = async (projectCode: string) =>
    (
      await rowsOf<{ id: string }>(
        tx,
        sql`select m.employee_id as id from program_project_members m join program_projects p on p.org_id = m.org_id and p.id = m.project_id
          where m.org_id = ${orgId} and p.code = ${projectCode} order by m.employee_id`,
      )
    ).map((r) => r.id);

  const list: DemoSession[] = [];
  const kakegawa = await team('2018-KAKEGAWA');
  for (const [i, [day, n]] of (
    [
      ['2018-11-17', 78],
      ['2019-02-16', 74],
    ] as const
  ).entries())
    list.push({
      program: 'PROBONO',
      ref: `KAKEGAWA-WS-${i + 1}`,
      kind: 'workshop',
      project: '2018-KAKEGAWA',
      partner: 'CITY-KAKEGAWA',
      titleJa: `葛布の活用拡大ワークショップ（第${i + 1}回）`,
      titleEn: `Kappu workshop ${i + 1}`,
      startsOn: day,
      placeJa: '掛川市',
      placeEn: 'Kakegawa',
      counts: { public: n, employees: kakegawa.length },
      attendees: kakegawa,
    });
  const future = sample(rng, staffIn(2023), 47);
  for (const [i, [school, students, staffCount, day]] of (
    [
      ['HS-SHIRAKAWA', 24, 16, '2023-10-12'],
      ['HS-KANAGAWA-A', 23, 16, '2023-11-09'],
      ['HS-KANAGAWA-B', 23, 15, '2023-12-07'],
    ] as const
  ).entries()) {
    const from = [0, 16, 32][i];
    list.push({
      program: 'FUTURE',
      ref: `FUTURE-2023-${i + 1}`,
      kind: 'class',
      partner: school,
      titleJa: 'SDGsで理想の未来をつくる（オンライン授業）',
      titleEn: 'Creating an ideal future with the SDGs (online class)',
      startsOn: day,
      counts: { students, teachers: 2, employees: staffCount },
      attendees: future.slice(from, from + staffCount),
    });
  }
  list.push({
    program: 'PROBONO',
    ref: 'KAWASAKI-SDGS-FESTA-2023',
    kind: 'event',
    partner: 'CITY-KAWASAKI',
    titleJa: 'かわさきSDGsパートナーフェスタ',
    titleEn: 'Kawasaki SDGs Partner Festival',
    startsOn: '2023-10-28',
    endsOn: '2023-10-29',
    placeJa: '川崎市',
    placeEn: 'Kawasaki',
    counts: { public: 4000, employees: 12 },
    attendees: sample(rng, staffIn(2023), 12),
  });
  list.push({
    program: 'DIALOGUE',
    ref: 'DIALOGUE-2023',
    kind: 'dialogue',
    titleJa: 'ソーシャルイノベーション・ダイアログ',
    titleEn: 'Social Innovation Dialogue',
    startsOn: '2023-09-14',
    counts: { employees: 58, organisations: 3 },
    attendees: sample(rng, staffIn(2023), 58),
  });
  const lastYear = fiscalYearOf(today, month);
  for (let fy = lastYear - 9; fy <= lastYear; fy++) {
    for (let k = 1; k <= between(rng, 24, 36); k++) {
      const m = pick(rng, [5, 6, 7, 9, 10, 11, 12, 1, 2]);
      const day = `${m < month ? fy + 1 : fy}-${String(m).padStart(2, '0')}-${String(between(rng, 1, 28)).padStart(2, '0')}`;
      if (day > today) continue;
      const [placeJa, placeEn] = pick(rng, ENET_PLACES);
      const forGuardians = placeEn.includes('guardians');
      const instructors = sample(rng, staffIn(fy), between(rng, 1, 3));
      list.push({
        program: 'ENET',
        ref: `ENET-${fy}-${String(k).padStart(3, '0')}`,
        kind: 'class',
        titleJa: forGuardians ? 'インターネット安全教室（保護者向け）' : 'インターネット安全教室',
        titleEn: forGuardians ? 'Internet safety class for guardians' : 'Internet safety class',
        startsOn: day,
        placeJa,
        placeEn,
        counts: forGuardians
          ? { guardians: between(rng, 15, 60), teachers: between(rng, 1, 3), employees: instructors.length }
          : {
              students: between(rng, 30, 180),
              teachers: between(rng, 1, 6),
              ...(chance(rng, 0.3) ? { guardians: between(rng, 5, 30) } : {}),
              employees: instructors.length,
            },
        attendees: instructors,
      });
    }
  }
  const rows = list.filter((s) => programs.has(s.program));
  if (!rows.length) return;
  const inserted = await tx
    .insert(programSessions)
    .values(
      rows.map((s) => ({
        orgId,
        programId: programs.get(s.program) as string,
        externalRef: s.ref,
        kind: s.kind,
        titleJa: s.titleJa,
        titleEn: s.titleEn,
        startsOn: s.startsOn,
        endsOn: s.endsOn ?? s.startsOn,
        fiscalYear: fiscalYearOf(s.startsOn, month),
        placeJa: s.placeJa ?? null,
        placeEn: s.placeEn ?? null,
        partnerId: (s.partner && partners.get(s.partner)) || null,
        projectId: (s.project && programs.get('PROBONO') && projects.get(s.project)) || null,
        employeeMinutes: employeeMinutes(s),
      })),
    )
    .returning({ id: programSessions.id, ref: programSessions.externalRef });
  const idOf = new Map(inserted.map((r) => [r.ref, r.id]));
  const counts = rows.flatMap((s) =>
    Object.entries(s.counts).map(([participantKind, count]) => ({
      orgId,
      sessionId: idOf.get(s.ref) as string,
      participantKind,
      count,
    })),
  );
  for (let i = 0; i < counts.length; i += 2000)
    await tx.insert(programSessionCounts).values(counts.slice(i, i + 2000));
  const attendees = rows.flatMap((s) =>
    [...new Set(s.attendees)].map((employeeId) => ({
      orgId,
      sessionId: idOf.get(s.ref) as string,
      employeeId,
    })),
  );
  for (let i = 0; i < attendees.length; i += 2000)
    await tx.insert(programSessionAttendees).values(attendees.slice(i, i + 2000));
  if (programs.has('FUTURE'))
    await insertFutureSurvey(tx, orgId, programs.get('FUTURE') as string, idOf.get('FUTURE-2023-1') ?? null);
}

/** The Future Creation Program's survey of fiscal 2023: 70 students, as an imported file would give them. */
async function insertFutureSurvey(tx: Tx, orgId: string, programId: string, sessionId: string | null) {
  const rng = mulberry32(0xf07);
  const [survey] = await tx
    .insert(surveys)
    .values({
      orgId,
      programId,
      sessionId,
      code: 'FUTURE-2023',
      titleJa: '未来創造プログラム 授業後アンケート（2023年度）',
      titleEn: 'Future Creation Program: after-class survey (fiscal 2024)',
      fiscalYear: 2023,
      status: 'closed',
    })
    .returning({ id: surveys.id });
  const questions = await tx
    .insert(surveyQuestions)
    .values([
      {
        orgId,
        surveyId: survey.id,
        code: 'understanding',
        position: 0,
        kind: 'scale',
        textJa: 'SDGsへの理解が深まりましたか',
        textEn: 'Did your understanding of the SDGs deepen?',
        scaleMin: 1,
        scaleMax: 4,
      },
      {
        orgId,
        surveyId: survey.id,
        code: 'interest',
        position: 1,
        kind: 'yes_no',
        textJa: '社会課題への関心が高まりましたか',
        textEn: 'Did your interest in social issues grow?',
      },
      {
        orgId,
        surveyId: survey.id,
        code: 'comment',
        position: 2,
        kind: 'text',
        textJa: '感想',
        textEn: 'Comments',
      },
    ])
    .returning({ id: surveyQuestions.id, code: surveyQuestions.code });
  const q = new Map(questions.map((x) => [x.code, x.id]));
  await tx.insert(surveyIndicators).values([
    {
      orgId,
      surveyId: survey.id,
      questionId: q.get('understanding') as string,
      code: 'deepened',
      labelJa: 'SDGsへの理解が深まった割合',
      labelEn: 'Deepened their understanding of the SDGs',
      threshold: 3,
      position: 0,
    },
    {
      orgId,
      surveyId: survey.id,
      questionId: q.get('interest') as string,
      code: 'interest_grew',
      labelJa: '社会課題への関心が高まった割合',
      labelEn: 'Interest in social issues grew',
      threshold: 1,
      position: 1,
    },
  ]);
  const noInterest = new Set(
    sample(
      rng,
      Array.from({ length: 70 }, (_, i) => i),
      7,
    ),
  );
  const responses = await tx
    .insert(surveyResponses)
    .values(
      Array.from({ length: 70 }, (_, i) => ({
        orgId,
        surveyId: survey.id,
        respondentRef: `FUTURE-2023-S${String(i + 1).padStart(3, '0')}`,
        respondentKind: 'student',
        submittedOn: ['2023-10-12', '2023-11-09', '2023-12-07'][i < 24 ? 0 : i < 47 ? 1 : 2],
      })),
    )
    .returning({ id: surveyResponses.id });
  const comment =
    '参加できてとても有意義な時間だったと思います。東日本大震災から10年以上が経ち、町の復興について改めて考える機会になりました。';
  await tx.insert(surveyAnswers).values(
    responses.flatMap((r, i) => [
      {
        orgId,
        surveyId: survey.id,
        responseId: r.id,
        questionId: q.get('understanding') as string,
        valueInt: chance(rng, 0.6) ? 4 : 3,
        valueText: null,
      },
      {
        orgId,
        surveyId: survey.id,
        responseId: r.id,
        questionId: q.get('interest') as string,
        valueInt: noInterest.has(i) ? 0 : 1,
        valueText: null,
      },
      ...(i === 0
        ? [
            {
              orgId,
              surveyId: survey.id,
              responseId: r.id,
              questionId: q.get('comment') as string,
              valueInt: null,
              valueText: comment,
            },
          ]
        : []),
    ]),
  );
}

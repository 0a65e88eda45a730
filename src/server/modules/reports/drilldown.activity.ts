import { type SQL, sql } from 'drizzle-orm';
import { col, columns, type DrillResolver, type DrillSpec, list } from './drilldown.types.js';

const EMPLOYEE_COLUMNS: [string, string, string][] = [
  ['employeeNumber', '社員番号', 'Employee number'],
  ['nameJa', '氏名', 'Name (Japanese)'],
  ['nameEn', '氏名（英語）', 'Name (English)'],
  ['company', '会社', 'Company'],
];
const employeeSelect = [
  col(sql`e.employee_number`, 'employeeNumber'),
  col(sql`e.name_ja`, 'nameJa'),
  col(sql`e.name_en`, 'nameEn'),
  col(sql`gc.code`, 'company'),
];
const employeeJoin = sql`join employees e on e.org_id = r.org_id and e.id = r.employee_id
  join group_companies gc on gc.org_id = e.org_id and gc.id = e.company_id`;

/**
 * `volunteering.*` refs: newRegistrants and registrantsSincePlanStart (volunteer registrations by
 * their join date), participants / previousParticipants (employees with a participation or a program
 * session in the year: volunteer_activity_years, the rows the KPI totals sum), hours (their minutes).
 */
export const volunteeringDrill: DrillResolver = async (ctx, parts, y) => {
  if (parts.length !== 1) return null;
  const [name] = parts;
  const registrants = (since: string, label: [string, string]) => ({
    labelJa: label[0],
    labelEn: label[1],
    columns: columns(...EMPLOYEE_COLUMNS, ['joinedOn', '登録日', 'Registered on']),
    from: sql`from volunteer_registrations r ${employeeJoin}
      where r.org_id = ${ctx.orgId} and r.joined_on between ${since} and ${y.end}`,
    select: list([...employeeSelect, col(sql`r.joined_on::text`, 'joinedOn')]),
    orderBy: sql`r.joined_on, e.employee_number`,
    value: sql`count(*)`,
  });
  if (name === 'newRegistrants') return registrants(y.start, ['新規登録者数', 'New registrants']);
  if (name === 'registrantsSincePlanStart') {
    if (!y.planStart)
      return {
        ...registrants(y.start, ['計画開始以降の登録者数', 'Registrants since the plan began']),
        from: sql`from volunteer_registrations r ${employeeJoin} where false`,
      };
    return registrants(y.planStart, ['計画開始以降の登録者数', 'Registrants since the plan began']);
  }
  const participants = (fiscalYear: number, label: [string, string], value = sql`count(*)`) => ({
    labelJa: label[0],
    labelEn: label[1],
    columns: columns(
      ...EMPLOYEE_COLUMNS,
      ['participations', '参加回数', 'Participations'],
      ['hours', '活動時間', 'Hours'],
      ['sessions', 'プログラム参加回数', 'Program sessions'],
    ),
    from: sql`from volunteer_activity_years r ${employeeJoin}
      where r.org_id = ${ctx.orgId} and r.fiscal_year = ${fiscalYear} and r.field = 'all'
        and (r.participations > 0 or r.sessions > 0)`,
    select: list([
      ...employeeSelect,
      col(sql`r.participations`, 'participations'),
      col(sql`round(r.minutes / 60.0, 2)::float8`, 'hours'),
      col(sql`r.sessions`, 'sessions'),
    ]),
    orderBy: sql`e.employee_number`,
    value,
  });
  if (name === 'participants') return participants(y.startYear, ['参加者数', 'Participants']);
  if (name === 'previousParticipants')
    return participants(y.startYear - 1, ['前年度の参加者数', 'Participants the year before']);
  if (name === 'hours')
    return {
      ...participants(y.startYear, ['活動時間', 'Hours'], sql`coalesce(round(sum(r.minutes) / 60.0, 2), 0)`),
      from: sql`from volunteer_activity_years r ${employeeJoin}
        where r.org_id = ${ctx.orgId} and r.fiscal_year between ${y.fromYear} and ${y.startYear}
          and r.field = 'all' and r.minutes > 0`,
    };
  return null;
};

/**
 * `disaster.<campaign code>`: the ledger postings that raised the campaign's money (company donations,
 * matching, employees' money and point donations, reversals netting out), each at its yen value. The
 * figure is their sum. Employees are not named (a posting id traces one).
 */
export const disasterDrill: DrillResolver = async (ctx, parts) => {
  if (parts.length !== 1) return null;
  const [code] = parts;
  return {
    labelJa: `災害支援: ${code}`,
    labelEn: `Disaster support: ${code}`,
    columns: columns(
      ['effectiveOn', '日付', 'Date'],
      ['kind', '種類', 'Kind'],
      ['company', '会社', 'Company'],
      ['recipient', '寄付先', 'Recipient'],
      ['valueJpy', '金額（円）', 'Value (yen)'],
      ['postingId', '記帳 ID', 'Posting id'],
    ),
    from: sql`from (
        select p.id, p.effective_on, p.kind, p.partner_id, p.company_donation_id, sum(en.value_jpy) as value_jpy
        from campaigns c
        join ledger_postings p on p.org_id = c.org_id and p.campaign_id = c.id
        join ledger_entries en on en.posting_id = p.id
        join ledger_accounts a on a.id = en.account_id
        where c.org_id = ${ctx.orgId} and c.code = ${code} and c.kind = 'disaster'
          and p.kind in ('point_donation', 'money_donation', 'company_donation', 'match') and a.kind = 'payable'
        group by p.id) r
      left join company_donations cd on cd.org_id = ${ctx.orgId} and cd.id = r.company_donation_id
      left join group_companies gc on gc.org_id = ${ctx.orgId} and gc.id = cd.company_id
      left join partners pt on pt.org_id = ${ctx.orgId} and pt.id = r.partner_id`,
    select: list([
      col(sql`r.effective_on::text`, 'effectiveOn'),
      col(sql`r.kind`, 'kind'),
      col(sql`gc.code`, 'company'),
      col(sql`coalesce(pt.name_ja, pt.name_en)`, 'recipient'),
      col(sql`r.value_jpy::float8`, 'valueJpy'),
      col(sql`r.id`, 'postingId'),
    ]),
    orderBy: sql`r.effective_on, r.id`,
    value: sql`coalesce(sum(r.value_jpy), 0)`,
  };
};

/** The site reports of the drives matching `where` (on `d`), each valued at its drive's rate for its item. */
export function driveSpec(orgId: string, where: SQL, label: [string, string]): DrillSpec {
  return {
    labelJa: label[0],
    labelEn: label[1],
    columns: columns(
      ['drive', '回収活動', 'Drive'],
      ['site', '事業所', 'Site'],
      ['company', '会社', 'Company'],
      ['item', '品目', 'Item'],
      ['quantity', '数量', 'Quantity'],
      ['yenPerUnit', '単価（円）', 'Yen per unit'],
      ['valueJpy', '金額（円）', 'Value (yen)'],
      ['reportedAt', '報告日時', 'Reported at'],
    ),
    from: sql`from collection_drives d
      join collection_reports r on r.org_id = d.org_id and r.drive_id = d.id
      join collection_drive_items di on di.org_id = r.org_id and di.drive_id = r.drive_id and di.item_id = r.item_id
      join collection_items i on i.org_id = r.org_id and i.id = r.item_id
      join sites s on s.org_id = r.org_id and s.id = r.site_id
      join group_companies gc on gc.org_id = r.org_id and gc.id = r.company_id
      where d.org_id = ${orgId} and ${where}`,
    select: list([
      col(sql`d.code`, 'drive'),
      col(sql`s.code`, 'site'),
      col(sql`gc.code`, 'company'),
      col(sql`i.code`, 'item'),
      col(sql`r.quantity::float8`, 'quantity'),
      col(sql`di.yen_per_unit::float8`, 'yenPerUnit'),
      col(sql`round(r.quantity * di.yen_per_unit)::float8`, 'valueJpy'),
      col(sql`r.reported_at`, 'reportedAt'),
    ]),
    orderBy: sql`d.code, s.code, i.code`,
    value: sql`coalesce(round(sum(r.quantity * di.yen_per_unit)), 0)`,
  };
}

/** `drives.<drive code>`: the drive's site reports. */
export const driveDrill: DrillResolver = async (ctx, parts) => {
  if (parts.length !== 1) return null;
  const [code] = parts;
  return driveSpec(ctx.orgId, sql`d.code = ${code}`, [`回収活動: ${code}`, `Collection drive: ${code}`]);
};

import { sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { PARTICIPANT_KINDS, type ParticipantKind } from './figures.schema.js';
import type { FiscalYearRange } from './records.fields.js';

/** A program's sessions in one fiscal year (start year). */
export type SessionYearFigures = {
  fiscalYear: number;
  sessions: number;
  /** Counted participants by kind; a session's employees are at least its named attendees. */
  participants: Record<ParticipantKind, number>;
  /** Every counted participant except organisations. */
  participantsTotal: number;
  /** Distinct employees named as attendees in the year. */
  employees: number;
};

/**
 * Sessions, participants by kind and distinct named employees per fiscal year of the range (one entry
 * per year, zeros included, oldest first). No permission check: the caller (programFigures) has
 * checked the program.
 */
export async function sessionFigures(
  ctx: Ctx,
  programId: string,
  range: FiscalYearRange,
): Promise<SessionYearFigures[]> {
  const kinds = sql.raw(
    PARTICIPANT_KINDS.map((k) =>
      k === 'employees'
        ? `sum(greatest(coalesce(c.employees, 0), coalesce(a.named, 0))) as employees`
        : `sum(coalesce(c.${k}, 0)) as ${k}`,
    ).join(', '),
  );
  const pivot = sql.raw(
    PARTICIPANT_KINDS.map((k) => `sum(n.count) filter (where n.participant_kind = '${k}') as ${k}`).join(
      ', ',
    ),
  );
  const rows = await rowsOf<Record<string, unknown>>(
    ctx.db,
    sql`
      with s as (
        select id, fiscal_year from program_sessions
        where org_id = ${ctx.orgId} and program_id = ${programId} and fiscal_year between ${range.from} and ${range.to}
      ),
      c as (
        select n.session_id, ${pivot} from program_session_counts n join s on s.id = n.session_id
        where n.org_id = ${ctx.orgId} group by n.session_id
      ),
      a as (
        select t.session_id, count(*) as named from program_session_attendees t join s on s.id = t.session_id
        where t.org_id = ${ctx.orgId} group by t.session_id
      ),
      people as (
        select s.fiscal_year, count(distinct t.employee_id) as employees_named
        from program_session_attendees t join s on s.id = t.session_id
        where t.org_id = ${ctx.orgId} group by s.fiscal_year
      )
      select s.fiscal_year, count(*) as sessions, ${kinds}, max(p.employees_named) as employees_named
      from s left join c on c.session_id = s.id left join a on a.session_id = s.id
      left join people p on p.fiscal_year = s.fiscal_year
      group by s.fiscal_year`,
  );
  const byYear = new Map(rows.map((r) => [toNumber(r.fiscal_year), r]));
  const out: SessionYearFigures[] = [];
  for (let fy = range.from; fy <= range.to; fy++) {
    const r = byYear.get(fy);
    const participants = Object.fromEntries(PARTICIPANT_KINDS.map((k) => [k, toNumber(r?.[k])])) as Record<
      ParticipantKind,
      number
    >;
    out.push({
      fiscalYear: fy,
      sessions: toNumber(r?.sessions),
      participants,
      participantsTotal: PARTICIPANT_KINDS.filter((k) => k !== 'organisations').reduce(
        (s, k) => s + participants[k],
        0,
      ),
      employees: toNumber(r?.employees_named),
    });
  }
  return out;
}

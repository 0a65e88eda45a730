import { sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { ledgerSettings } from '../ledger/ledger.values.js';
import { PARTICIPANT_KINDS, type ParticipantKind } from './figures.schema.js';
import type { FiscalYearRange } from './records.fields.js';

/** A program's sessions (and what is counted with them) in one fiscal year (start year). */
export type SessionYearFigures = {
  fiscalYear: number;
  sessions: number;
  /** Counted participants by kind, as recorded on the sessions. */
  participants: Record<ParticipantKind, number>;
  /** Every counted participant except organisations. */
  participantsTotal: number;
  /** Distinct employees named as attendees in the year. */
  employees: number;
  /** Hours employees gave to the year's sessions (sum of the recorded minutes / 60, one decimal). */
  employeeHours: number;
  testimonials: number;
  /** Class requests completed, by the fiscal year of their class day. */
  classRequestsCompleted: number;
};

type SessionYearRow = {
  fy: number;
  sessions: unknown;
  minutes: unknown;
  employees: unknown;
  testimonials: unknown;
  requests: unknown;
  counts: Record<string, unknown> | string | null;
};

/**
 * Sessions, employee hours, participants by kind, distinct named employees, testimonials and class requests
 * completed per fiscal year of the range, in one query (one entry per year, zeros included, oldest
 * first; tuned for the program page: docs/performance.md, Programs). `startMonth` is the
 * organisation's fiscal-year start month, read when not given. No permission check: the caller
 * (programFigures) has checked the program.
 */
export async function sessionFigures(
  ctx: Ctx,
  programId: string,
  range: FiscalYearRange,
  startMonth?: number,
): Promise<SessionYearFigures[]> {
  const org = ctx.orgId;
  const month = startMonth ?? (await ledgerSettings(ctx)).fiscalYearStartMonth;
  const rows = await rowsOf<SessionYearRow>(
    ctx.db,
    sql`with years as (select generate_series(${range.from}::int, ${range.to}::int) as fy),
      s as not materialized (
        select id, fiscal_year, employee_minutes from program_sessions
        where org_id = ${org} and program_id = ${programId} and fiscal_year between ${range.from} and ${range.to}
      ),
      n as (select fiscal_year, count(*) as n, sum(employee_minutes) as minutes from s group by 1),
      c as (
        select fiscal_year, json_object_agg(participant_kind, n) as counts from (
          select s.fiscal_year, c.participant_kind, sum(c.count) as n
          from s join program_session_counts c on c.session_id = s.id and c.org_id = ${org}
          group by 1, 2) k
        group by 1
      ),
      a as (
        select fiscal_year, count(*) as n from (
          select distinct s.fiscal_year, a.employee_id
          from s join program_session_attendees a on a.session_id = s.id and a.org_id = ${org}) d
        group by 1
      ),
      t as (
        select fiscal_year, count(*) as n from program_testimonials
        where org_id = ${org} and program_id = ${programId} and fiscal_year between ${range.from} and ${range.to}
        group by 1
      ),
      r as (
        select extract(year from scheduled_on - make_interval(months => ${month - 1}::int))::int as fiscal_year,
          count(*) as n
        from class_requests
        where org_id = ${org} and program_id = ${programId} and status = 'completed'
        group by 1
      )
      select y.fy, coalesce(n.n, 0) as sessions, coalesce(n.minutes, 0) as minutes, coalesce(a.n, 0) as employees, coalesce(t.n, 0) as testimonials,
        coalesce(r.n, 0) as requests, c.counts
      from years y
        left join n on n.fiscal_year = y.fy
        left join a on a.fiscal_year = y.fy
        left join t on t.fiscal_year = y.fy
        left join r on r.fiscal_year = y.fy
        left join c on c.fiscal_year = y.fy
      order by y.fy`,
  );
  return rows.map((r) => {
    const raw =
      typeof r.counts === 'string' ? (JSON.parse(r.counts) as Record<string, unknown>) : (r.counts ?? {});
    const participants = Object.fromEntries(PARTICIPANT_KINDS.map((k) => [k, toNumber(raw[k])])) as Record<
      ParticipantKind,
      number
    >;
    return {
      fiscalYear: toNumber(r.fy),
      sessions: toNumber(r.sessions),
      employeeHours: Math.round(toNumber(r.minutes) / 6) / 10,
      participants,
      participantsTotal: PARTICIPANT_KINDS.filter((k) => k !== 'organisations').reduce(
        (s, k) => s + participants[k],
        0,
      ),
      employees: toNumber(r.employees),
      testimonials: toNumber(r.testimonials),
      classRequestsCompleted: toNumber(r.requests),
    };
  });
}

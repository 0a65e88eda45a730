import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { opportunities, opportunityShifts, signups, volunteerRegistrations } from './volunteering.table.js';

const o = opportunities;

/** A text[] literal from values (an empty array when there are none). */
export const textArray = (values: string[]) =>
  values.length
    ? sql`ARRAY[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;

export type Profile = {
  interestFields: string[];
  skills: string[];
  prefecture: string | null;
  region: string | null;
  onlineOk: boolean;
  availability: string[];
};

export async function profileOf(ctx: Ctx): Promise<Profile> {
  const employeeId = ctx.actor.kind === 'user' ? ctx.actor.employeeId : null;
  const [row] = employeeId
    ? await ctx.db
        .select()
        .from(volunteerRegistrations)
        .where(
          and(eq(volunteerRegistrations.orgId, ctx.orgId), eq(volunteerRegistrations.employeeId, employeeId)),
        )
    : [];
  if (!row || row.leftOn)
    return {
      interestFields: [],
      skills: [],
      prefecture: null,
      region: null,
      onlineOk: false,
      availability: [],
    };
  return row;
}

/** Points per matching part of the profile. */
export const RECOMMENDATION_WEIGHTS = { field: 3, skills: 2, region: 2, online: 1, availability: 1 } as const;

/**
 * Recommendation: each open opportunity scores points for what matches the caller's volunteer profile:
 * its field is one of their interest fields (3), it asks for a skill they have (2), it takes
 * place in their prefecture or region (2), it can be done online and they like online activities (1),
 * its first shift falls in their availability (weekday daytime, weekday evening from 17:00, weekend,
 * or flexible; 1). Highest score first; equal scores by the soonest start.
 */
export function recommendation(p: Profile) {
  // A part of the profile that is empty (or "flexible") makes its flag a constant, left to the planner.
  const no = sql<boolean>`false`;
  const slot = sql`case when extract(isodow from ${o.firstStartsAt} at time zone ${o.timeZone}) >= 6 then 'weekend'
    when extract(hour from ${o.firstStartsAt} at time zone ${o.timeZone}) >= 17 then 'weekday_evening'
    else 'weekday_daytime' end`;
  const flags = {
    field: p.interestFields.length ? sql<boolean>`(${o.field} = any(${textArray(p.interestFields)}))` : no,
    skills: p.skills.length ? sql<boolean>`(${o.requiredSkills} && ${textArray(p.skills)})` : no,
    region:
      p.prefecture || p.region
        ? sql<boolean>`(coalesce(${o.prefecture} = ${p.prefecture}::text, false)
      or coalesce(lower(${o.region}) = lower(${p.region}::text), false))`
        : no,
    online: p.onlineOk ? sql<boolean>`(${o.mode} <> 'on_site')` : no,
    availability: p.availability.includes('flexible')
      ? sql<boolean>`true`
      : p.availability.length
        ? sql<boolean>`coalesce((${slot}) = any(${textArray(p.availability)}), false)`
        : no,
  };
  const points = (flag: SQL, weight: number) =>
    sql`(case when ${flag} then ${sql.raw(String(weight))} else 0 end)`;
  const w = RECOMMENDATION_WEIGHTS;
  const score = sql<number>`(${points(flags.field, w.field)} + ${points(flags.skills, w.skills)}
    + ${points(flags.region, w.region)} + ${points(flags.online, w.online)}
    + ${points(flags.availability, w.availability)})`;
  return { flags, score };
}

/** Open for sign-up now: published, before its deadline, with a shift still to come, not joined yet. */
export function openForSignup(now: string, employeeId: string | null): SQL {
  const notJoined = employeeId
    ? sql`not exists (select 1 from ${signups} j join ${opportunityShifts} js on js.org_id = j.org_id
        and js.id = j.shift_id where j.org_id = ${o.orgId} and j.employee_id = ${employeeId}
        and j.status <> 'cancelled' and js.opportunity_id = ${o.id})`
    : sql`true`;
  return and(
    eq(o.status, 'published'),
    sql`(${o.signupDeadline} is null or ${o.signupDeadline} > ${now}::timestamptz)`,
    sql`${o.lastEndsAt} > ${now}::timestamptz`,
    // The shifts are looked at only when the first one has started (a correlated lookup, not a hash of all).
    sql`(${o.firstStartsAt} > ${now}::timestamptz or (select max(s.starts_at) from ${opportunityShifts} s
      where s.org_id = ${o.orgId} and s.opportunity_id = ${o.id}) > ${now}::timestamptz)`,
    notJoined,
  )!;
}

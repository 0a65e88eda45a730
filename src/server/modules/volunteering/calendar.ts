import { randomBytes } from 'node:crypto';
import { and, asc, eq, ne } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { Locale } from '../../../shared/fiscal-year.js';
import { prefectureName } from '../../../shared/prefectures.js';
import type { Db } from '../../db/client.js';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction, systemCtx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { users } from '../auth/auth.table.js';
import { organisations } from '../organisations/organisations.table.js';
import { canSee } from './opportunities.access.js';
import { calendarFeeds, opportunities, opportunityShifts, signups } from './volunteering.table.js';

type Opp = typeof opportunities.$inferSelect;
type ShiftTimes = { id: string; startsAt: Date; endsAt: Date };

const pick = (ja: string | null, en: string | null, locale: Locale) =>
  (locale === 'ja' ? (ja ?? en) : (en ?? ja)) ?? '';

/** Where it happens, in the reader's language: address and prefecture or region, and the online link. */
function locationOf(o: Opp, locale: Locale): string {
  const place = [o.address, o.prefecture ? prefectureName(o.prefecture, locale) : o.region]
    .filter(Boolean)
    .join(', ');
  return [o.mode !== 'online' ? place : '', o.mode !== 'on_site' ? (o.onlineUrl ?? '') : '']
    .filter(Boolean)
    .join(' / ');
}

/** One VEVENT for a shift: times in UTC, title and description in the reader's language. */
function eventOf(o: Opp, shift: ShiftTimes, locale: Locale, baseUrl: string): ICAL.Component {
  const vevent = new ICAL.Component('vevent');
  const event = new ICAL.Event(vevent);
  const url = `${baseUrl}/opportunities/${o.id}`;
  event.uid = `shift-${shift.id}@kyosei`;
  vevent.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(o.updatedAt, true));
  event.startDate = ICAL.Time.fromJSDate(shift.startsAt, true);
  event.endDate = ICAL.Time.fromJSDate(shift.endsAt, true);
  event.summary = pick(o.titleJa, o.titleEn, locale);
  const location = locationOf(o, locale);
  if (location) event.location = location;
  event.description = [pick(o.descriptionJa, o.descriptionEn, locale), o.organiser, url]
    .filter(Boolean)
    .join('\n\n');
  vevent.addPropertyWithValue('url', url);
  vevent.addPropertyWithValue('status', o.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
  return vevent;
}

function calendarOf(events: ICAL.Component[], name?: string): string {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', '-//Kyosei//Volunteering//EN');
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  cal.updatePropertyWithValue('method', 'PUBLISH');
  if (name) cal.updatePropertyWithValue('x-wr-calname', name);
  for (const e of events) cal.addSubcomponent(e);
  return cal.toString();
}

/**
 * The iCalendar file of one shift (one VEVENT), for a caller who may see its opportunity.
 * Throws not_found.
 */
export async function shiftCalendar(ctx: Ctx, shiftId: string, baseUrl: string): Promise<string> {
  const [row] = await ctx.db
    .select({ o: opportunities, s: opportunityShifts })
    .from(opportunityShifts)
    .innerJoin(
      opportunities,
      and(
        eq(opportunities.orgId, opportunityShifts.orgId),
        eq(opportunities.id, opportunityShifts.opportunityId),
      ),
    )
    .where(and(eq(opportunityShifts.orgId, ctx.orgId), eq(opportunityShifts.id, shiftId)));
  if (!row || !(await canSee(ctx, row.o))) throw new AppError('not_found', { params: { entity: 'shift' } });
  return calendarOf([eventOf(row.o, row.s, ctx.locale, baseUrl)]);
}

const feedUrl = (baseUrl: string, token: string) => `${baseUrl}/calendar/${token}.ics`;
const newToken = () => randomBytes(24).toString('base64url');

function employeeOf(ctx: Ctx): string {
  const employeeId = ctx.actor.kind === 'user' ? ctx.actor.employeeId : null;
  if (!employeeId) throw new AppError('no_employee_record');
  return employeeId;
}

/** The caller's private calendar feed URL, made on first use. Throws no_employee_record. */
export async function myCalendarFeed(ctx: Ctx, baseUrl: string): Promise<{ url: string }> {
  const employeeId = employeeOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const where = and(eq(calendarFeeds.orgId, tx.orgId), eq(calendarFeeds.employeeId, employeeId));
    const [found] = await tx.db.select().from(calendarFeeds).where(where);
    if (found) return { url: feedUrl(baseUrl, found.token) };
    const [row] = await tx.db
      .insert(calendarFeeds)
      .values({ orgId: tx.orgId, employeeId, token: newToken() })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const [again] = await tx.db.select().from(calendarFeeds).where(where);
      return { url: feedUrl(baseUrl, again.token) };
    }
    await audit(tx, {
      action: 'calendar_feed.create',
      entityType: 'calendar_feed',
      entityId: row.id,
      after: { employeeId },
    });
    return { url: feedUrl(baseUrl, row.token) };
  });
}

/** Replaces the caller's feed token: the old URL stops working. Throws no_employee_record. */
export async function rotateCalendarFeed(ctx: Ctx, baseUrl: string): Promise<{ url: string }> {
  const employeeId = employeeOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const token = newToken();
    const [row] = await tx.db
      .insert(calendarFeeds)
      .values({ orgId: tx.orgId, employeeId, token })
      .onConflictDoUpdate({
        target: [calendarFeeds.orgId, calendarFeeds.employeeId],
        set: { token, createdAt: new Date() },
      })
      .returning();
    await audit(tx, {
      action: 'calendar_feed.rotate',
      entityType: 'calendar_feed',
      entityId: row.id,
      after: { employeeId },
    });
    return { url: feedUrl(baseUrl, token) };
  });
}

/**
 * The feed behind a private URL: every confirmed shift of the token's employee whose opportunity is
 * not cancelled, in their language (their account's, else the organisation's). Throws not_found.
 */
export async function calendarFeed(db: Db, token: string, baseUrl: string): Promise<string> {
  const [feed] = await db
    .select({
      orgId: calendarFeeds.orgId,
      employeeId: calendarFeeds.employeeId,
      orgLocale: organisations.defaultLocale,
    })
    .from(calendarFeeds)
    .innerJoin(organisations, eq(organisations.id, calendarFeeds.orgId))
    .where(eq(calendarFeeds.token, token));
  if (!feed) throw new AppError('not_found', { params: { entity: 'calendar_feed' } });
  const ctx = systemCtx(db, feed.orgId, 'calendar-feed');
  const [user] = await ctx.db
    .select({ locale: users.locale })
    .from(users)
    .where(and(eq(users.orgId, feed.orgId), eq(users.employeeId, feed.employeeId)))
    .limit(1);
  const locale: Locale = (user?.locale ?? feed.orgLocale) === 'en' ? 'en' : 'ja';
  const rows = await ctx.db
    .select({ o: opportunities, s: opportunityShifts })
    .from(signups)
    .innerJoin(
      opportunityShifts,
      and(eq(opportunityShifts.orgId, signups.orgId), eq(opportunityShifts.id, signups.shiftId)),
    )
    .innerJoin(
      opportunities,
      and(
        eq(opportunities.orgId, opportunityShifts.orgId),
        eq(opportunities.id, opportunityShifts.opportunityId),
      ),
    )
    .where(
      and(
        eq(signups.orgId, feed.orgId),
        eq(signups.employeeId, feed.employeeId),
        eq(signups.status, 'confirmed'),
        ne(opportunities.status, 'cancelled'),
      ),
    )
    .orderBy(asc(opportunityShifts.startsAt));
  const name = locale === 'ja' ? 'ボランティア活動' : 'Volunteering';
  return calendarOf(
    rows.map((r) => eventOf(r.o, r.s, locale, baseUrl)),
    name,
  );
}

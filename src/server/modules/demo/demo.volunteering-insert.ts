import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { opportunitySearchDocument } from '../volunteering/opportunities.rules.js';
import { type BulkRow, bulkInsert } from './demo.bulk.js';
import type { PlannedSignup } from './demo.fill.js';
import type { PlannedLog } from './demo.logs.js';
import { DEMO_SKILLS } from './demo.places.js';
import type { PlannedRegistration } from './demo.registrations.js';
import type { PlannedOpportunity, PlannedShift } from './demo.schedule.js';
import { isoOf, zonedInstant } from './demo.time.js';
import type { Activity, VolunteeringSummary } from './demo.volunteering.js';
import type { DemoWorld } from './demo.world.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;

const REGISTRATION_COLUMNS = `orgId uuid, employeeId uuid, joinedOn date, leftOn date, interestFields text[], skills text[],
  skillsNote text, languages text[], prefecture text, region text, availability text[], onlineOk boolean,
  createdAt timestamptz, updatedAt timestamptz`;
const OPPORTUNITY_COLUMNS = `id uuid, orgId uuid, companyId uuid, siteId uuid, titleJa text, titleEn text,
  descriptionJa text, descriptionEn text, organiser text, partnerName text, field text, sdgs smallint[],
  mode text, address text, prefecture text, region text, onlineUrl text, timeZone text,
  signupDeadline timestamptz, cancelDeadline timestamptz, requiredSkills text[], familyAllowed boolean,
  transportByPoints boolean, visibility text, visibleCompanyIds uuid[], status text, firstStartsAt timestamptz,
  lastEndsAt timestamptz, searchText text, searchGrams text[], createdBy uuid, publishedAt timestamptz,
  cancelledAt timestamptz, createdAt timestamptz, updatedAt timestamptz`;
const SHIFT_COLUMNS = `id uuid, orgId uuid, opportunityId uuid, startsAt timestamptz, endsAt timestamptz, capacity int,
  confirmedCount int, checkinCode text, createdAt timestamptz`;
const SIGNUP_COLUMNS = `orgId uuid, shiftId uuid, employeeId uuid, status text, attendance text, minutes int,
  checkedInAt timestamptz, attendanceBy uuid, cancelledAt timestamptz, createdAt timestamptz, updatedAt timestamptz`;
const LOG_COLUMNS = `orgId uuid, employeeId uuid, activityDate date, organisationName text, field text, minutes int,
  description text, status text, reviewedBy uuid, reviewedAt timestamptz, reviewNote text, createdAt timestamptz,
  updatedAt timestamptz`;

/** The skills list and the registrations. */
export async function insertRegistrations(
  tx: Tx,
  world: DemoWorld,
  registrations: PlannedRegistration[],
  summary: VolunteeringSummary,
): Promise<void> {
  const { orgId } = world;
  await bulkInsert(
    tx,
    'volunteer_skills',
    'orgId uuid, code text, nameJa text, nameEn text',
    DEMO_SKILLS,
    (s) => ({
      orgId,
      code: s[0],
      nameJa: s[1],
      nameEn: s[2],
    }),
  );
  await bulkInsert(tx, 'volunteer_registrations', REGISTRATION_COLUMNS, registrations, (r) => {
    const { person, joined, left, ...profile } = r;
    const createdAt = zonedInstant(joined, 9 * 60 + (person.hire % 600), 'Asia/Tokyo');
    return {
      ...profile,
      orgId,
      employeeId: person.id,
      joinedOn: isoOf(joined),
      leftOn: left === null ? null : isoOf(left),
      createdAt,
      updatedAt: left === null ? createdAt : zonedInstant(left, 18 * 60, 'Asia/Tokyo'),
    };
  });
  summary.skills += DEMO_SKILLS.length;
  summary.registrations += registrations.length;
}

/** An opportunity row: single-shift activities close sign-up two days ahead and cancellation one day ahead. */
function opportunityRow(world: DemoWorld, o: PlannedOpportunity): BulkRow {
  const t = o.template;
  const first = o.shifts[0].startsAt;
  const single = o.shifts.length === 1;
  const publishedAt =
    o.status === 'draft'
      ? null
      : new Date(Math.min(o.createdAt.getTime() + DAY, first.getTime() - HOUR, world.now.getTime() - HOUR));
  const text = {
    titleJa: o.titleJa,
    titleEn: o.titleEn,
    descriptionJa: t.ja[1],
    descriptionEn: t.en[1],
    organiser: o.organiser,
    partnerName: t.partner ?? null,
  };
  const search = opportunitySearchDocument(text);
  const companyId = world.companyIds.get(o.company.code)!;
  return {
    ...text,
    id: o.id,
    orgId: world.orgId,
    companyId,
    siteId: o.siteCode ? world.siteIds.get(o.siteCode)! : null,
    field: t.field,
    sdgs: t.sdgs,
    mode: t.mode,
    address: o.address,
    prefecture: o.prefecture,
    region: o.region,
    onlineUrl: o.onlineUrl,
    timeZone: o.timeZone,
    signupDeadline: single ? new Date(first.getTime() - 2 * DAY) : null,
    cancelDeadline: single ? new Date(first.getTime() - DAY) : null,
    requiredSkills: t.skills ?? [],
    familyAllowed: !!t.family,
    transportByPoints: !!t.transport,
    visibility: o.internal ? 'companies' : 'group',
    visibleCompanyIds: o.internal ? [companyId] : [],
    status: o.status,
    firstStartsAt: first,
    lastEndsAt: o.shifts[o.shifts.length - 1].endsAt,
    searchText: search.text,
    searchGrams: search.grams,
    createdBy: world.userIds[o.createdBy],
    publishedAt,
    cancelledAt: o.cancelledAt,
    createdAt: o.createdAt,
    updatedAt: o.cancelledAt ?? publishedAt ?? o.createdAt,
  };
}

/**
 * Writes opportunities with their shifts, the sign-ups for those shifts (all of them: each shift's
 * confirmed count is the number of its confirmed sign-ups), and hour logs.
 */
export async function insertActivity(
  tx: Tx,
  world: DemoWorld,
  part: Activity,
  summary: VolunteeringSummary,
): Promise<void> {
  const { orgId } = world;
  await bulkInsert(tx, 'opportunities', OPPORTUNITY_COLUMNS, part.opportunities, (o) =>
    opportunityRow(world, o),
  );
  const confirmed = new Map<PlannedShift, number>();
  for (const s of part.signups) {
    if (s.status === 'confirmed') confirmed.set(s.shift, (confirmed.get(s.shift) ?? 0) + 1);
  }
  const shifts = part.opportunities.flatMap((o) => o.shifts);
  await bulkInsert(tx, 'opportunity_shifts', SHIFT_COLUMNS, shifts, (s) => ({
    id: s.id,
    orgId,
    opportunityId: s.opportunity.id,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    capacity: s.capacity,
    confirmedCount: confirmed.get(s) ?? 0,
    // The QR code's secret: random, never from the public seed.
    checkinCode: randomBytes(16).toString('base64url'),
    createdAt: s.opportunity.createdAt,
  }));
  // Fresh statistics: the foreign-key checks of the sign-ups below are planned from them (a plan made
  // while the tables were nearly empty would scan them whole for every row).
  await tx.execute(sql`analyze opportunities, opportunity_shifts`);
  await bulkInsert(tx, 'signups', SIGNUP_COLUMNS, part.signups, (s: PlannedSignup) => ({
    orgId,
    shiftId: s.shift.id,
    employeeId: s.person.id,
    status: s.status,
    attendance: s.attendance,
    minutes: s.minutes,
    checkedInAt: s.checkedInAt,
    attendanceBy: s.attendanceBy ? world.userIds[s.attendanceBy] : null,
    cancelledAt: s.cancelledAt,
    createdAt: s.createdAt,
    updatedAt: s.cancelledAt ?? (s.attendance ? new Date(s.shift.endsAt.getTime() + HOUR) : s.createdAt),
  }));
  await bulkInsert(tx, 'volunteer_hour_logs', LOG_COLUMNS, part.logs, (l: PlannedLog) => ({
    orgId,
    employeeId: l.person.id,
    activityDate: isoOf(l.day),
    organisationName: l.organisationName,
    field: l.field,
    minutes: l.minutes,
    description: l.description,
    status: l.status,
    reviewedBy: l.reviewedBy ? world.userIds[l.reviewedBy] : null,
    reviewedAt: l.reviewedAt,
    reviewNote: l.reviewNote,
    createdAt: l.createdAt,
    updatedAt: l.reviewedAt ?? l.createdAt,
  }));
  summary.opportunities += part.opportunities.length;
  summary.shifts += shifts.length;
  summary.signups += part.signups.length;
  summary.hourLogs += part.logs.length;
}

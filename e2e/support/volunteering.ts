import { randomInt } from 'node:crypto';
import { type ApiSession, newSession } from './session.js';

// The records the volunteering journeys set up through the API (as the organiser or another employee):
// the specs depend only on these, never on the demo's own opportunities and figures.

export type MySignup = {
  id: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  waitlistPosition: number | null;
  attendance: 'attended' | 'absent' | null;
  minutes: number | null;
};
export type Shift = {
  id: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  confirmed: number;
  seatsLeft: number;
  waitlisted: number;
  mySignup: MySignup | null;
};
export type Opportunity = {
  id: string;
  titleJa: string | null;
  titleEn: string | null;
  status: string;
  shifts: Shift[];
};
export type Signup = { id: string; status: 'confirmed' | 'waitlisted'; waitlistPosition: number | null };
export type RosterItem = {
  id: string;
  employeeId: string;
  nameJa: string;
  nameEn: string;
  status: string;
  attendance: 'attended' | 'absent' | null;
  minutes: number | null;
  checkedInAt: string | null;
};
export type Me = {
  user: { employeeId: string | null; displayName: string };
  roles: { role: string; companyId: string | null; siteId: string | null }[];
};

const HOUR = 3_600_000;

/** A token unique to this run in kanji (4 of 20 characters: 160,000 combinations) and in Latin letters. */
export function runToken(): { ja: string; en: string } {
  const kanji = '桜梅桃藤菊萩蓮椿楓柳杉松竹蘭葵茜萌雫凪燕';
  const ja = Array.from({ length: 4 }, () => kanji[randomInt(kanji.length)]).join('');
  return {
    ja,
    en: `e2e${randomInt(36 ** 5)
      .toString(36)
      .padStart(5, '0')}`,
  };
}

/** An instant `hours` from now, on a whole quarter hour (the form's step) unless `exact`. */
export function hoursFromNow(hours: number, exact = false): string {
  const d = new Date(Date.now() + hours * HOUR);
  if (!exact) d.setUTCMinutes(Math.floor(d.getUTCMinutes() / 15) * 15, 0, 0);
  return d.toISOString();
}

/** The company and site on which the (site-scoped) promoter may post opportunities. */
export async function promoterPlace(promoter: ApiSession): Promise<{ companyId: string; siteId: string }> {
  const me = await promoter.call<Me>('GET', '/api/me');
  const grant = me.roles.find((r) => r.role === 'promoter' && r.siteId);
  if (!grant?.siteId) throw new Error('the demo promoter has no site-scoped grant');
  const sites = await promoter.call<{ items: { id: string; companyId: string }[] }>(
    'GET',
    '/api/sites?size=200',
  );
  const site = sites.items.find((s) => s.id === grant.siteId);
  if (!site) throw new Error(`the promoter's site ${grant.siteId} is not listed`);
  return { companyId: site.companyId, siteId: site.id };
}

export type NewOpportunity = {
  titleJa: string;
  titleEn: string;
  mode?: 'online' | 'on_site' | 'hybrid';
  /** Shifts as [hours from now to the start, length in hours, capacity]. */
  shifts: [startInHours: number, lengthInHours: number, capacity: number][];
};

/** Posts and publishes an opportunity as the promoter, at the promoter's site; returns it with its shifts. */
export async function publishOpportunity(promoter: ApiSession, o: NewOpportunity): Promise<Opportunity> {
  const place = await promoterPlace(promoter);
  const mode = o.mode ?? 'online';
  const created = await promoter.call<Opportunity>('POST', '/api/opportunities', {
    ...place,
    titleJa: o.titleJa,
    titleEn: o.titleEn,
    descriptionJa: `${o.titleJa}の説明です。自宅から参加できます。`,
    descriptionEn: `About ${o.titleEn}. Take part from home.`,
    organiser: 'CSR推進室',
    field: 'education_culture_sports',
    sdgs: [4],
    mode,
    onlineUrl: mode === 'on_site' ? null : 'https://meet.example.org/kyosei-e2e',
    address: mode === 'online' ? null : '東京都港区芝公園4-2-8',
    prefecture: mode === 'online' ? null : '13',
    shifts: o.shifts.map(([start, length, capacity]) => {
      const startsAt = hoursFromNow(start);
      return {
        startsAt,
        endsAt: new Date(new Date(startsAt).getTime() + length * HOUR).toISOString(),
        capacity,
      };
    }),
  });
  return promoter.call<Opportunity>('POST', `/api/opportunities/${created.id}/publish`, {});
}

/** Signs the session's employee up for a shift. */
export const signUp = (who: ApiSession, shiftId: string) =>
  who.call<Signup>('POST', `/api/shifts/${shiftId}/signups`, {});

/** The shift's roster as its organiser sees it. */
export async function roster(organiser: ApiSession, shiftId: string): Promise<RosterItem[]> {
  return (await organiser.call<{ items: RosterItem[] }>('GET', `/api/shifts/${shiftId}/signups`)).items;
}

/** The employee record linked to the session's account. */
export async function employeeIdOf(who: ApiSession): Promise<string> {
  const me = await who.call<Me>('GET', '/api/me');
  if (!me.user.employeeId) throw new Error('the account has no employee record');
  return me.user.employeeId;
}

/**
 * An account for a demo employee who never joined the volunteer service (the demo registers many,
 * employee@ among them), so that a journey starts with a first join. Made by the admin, signed in
 * through the API; returns the session and the employee's e-mail.
 */
export async function freshVolunteer(
  baseURL: string,
  admin: ApiSession,
  password: string,
): Promise<{ session: ApiSession; email: string }> {
  type Page<T> = { items: T[] };
  const registered = new Set<string>();
  for (let page = 1; ; page++) {
    const list = await admin.call<Page<{ employeeId: string }>>(
      'GET',
      `/api/volunteers?size=200&page=${page}`,
    );
    for (const r of list.items) registered.add(r.employeeId);
    if (list.items.length < 200) break;
  }
  const employees = await admin.call<Page<{ id: string; email: string; employmentStatus: string }>>(
    'GET',
    '/api/employees?size=200&page=2&status=active',
  );
  for (const e of employees.items) {
    if (registered.has(e.id)) continue;
    try {
      await admin.call('POST', '/api/users', {
        email: e.email,
        password,
        employeeId: e.id,
        grants: [{ role: 'employee', scopeType: 'org' }],
      });
    } catch {
      continue; // already has an account: try the next one
    }
    return { session: await newSession(baseURL, e.email, password), email: e.email };
  }
  throw new Error('no unregistered demo employee without an account');
}

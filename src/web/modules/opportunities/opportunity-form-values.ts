import type { FormValidateInput } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import type { Field } from '../../../shared/fields';
import { rolesFor } from '../../../shared/roles';
import type { Grant } from '../../api/types';
import type { OpportunityMode, Visibility } from '../../../shared/volunteering';
import type { Opportunity, OpportunityCreate } from './opportunities.api';
import { fromZoned, toZoned } from './zoned-time';

export type ShiftValues = {
  key: string;
  id?: string;
  date: string;
  start: string;
  end: string;
  capacity: number | string;
};

export type Values = {
  companyId: string | null;
  siteId: string | null;
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  organiser: string;
  partnerName: string;
  field: Field | null;
  sdgs: string[];
  requiredSkills: string[];
  mode: OpportunityMode;
  address: string;
  prefecture: string | null;
  region: string;
  onlineUrl: string;
  signupDeadline: string;
  cancelDeadline: string;
  visibility: Visibility;
  visibleCompanyIds: string[];
  familyAllowed: boolean;
  transportByPoints: boolean;
  shifts: ShiftValues[];
};

export const newShift = (): ShiftValues => ({
  key: randomId(),
  date: '',
  start: '10:00',
  end: '12:00',
  capacity: 10,
});

/** datetime-local text (YYYY-MM-DDTHH:mm) of an instant in a zone, and back. */
const toLocalInput = (iso: string | null, tz: string) => {
  if (!iso) return '';
  const z = toZoned(iso, tz);
  return `${z.date}T${z.time}`;
};
const fromLocalInput = (v: string, tz: string) => (v ? fromZoned(v.slice(0, 10), v.slice(11, 16), tz) : null);

/** The form's values for a new opportunity, or for editing one (times in its own zone). */
export function valuesOf(
  o: Opportunity | null,
  defaults: { companyId?: string | null; siteId?: string | null } = {},
): Values {
  const tz = o?.timeZone ?? 'UTC';
  return {
    companyId: o?.companyId ?? defaults.companyId ?? null,
    siteId: o?.siteId ?? defaults.siteId ?? null,
    titleJa: o?.titleJa ?? '',
    titleEn: o?.titleEn ?? '',
    descriptionJa: o?.descriptionJa ?? '',
    descriptionEn: o?.descriptionEn ?? '',
    organiser: o?.organiser ?? '',
    partnerName: o?.partnerName ?? '',
    field: o?.field ?? null,
    sdgs: (o?.sdgs ?? []).map(String),
    requiredSkills: o?.requiredSkills ?? [],
    mode: o?.mode ?? 'on_site',
    address: o?.address ?? '',
    prefecture: o?.prefecture ?? null,
    region: o?.region ?? '',
    onlineUrl: o?.onlineUrl ?? '',
    signupDeadline: toLocalInput(o?.signupDeadline ?? null, tz),
    cancelDeadline: toLocalInput(o?.cancelDeadline ?? null, tz),
    visibility: o?.visibility ?? 'group',
    visibleCompanyIds: o?.visibleCompanyIds ?? [],
    familyAllowed: o?.familyAllowed ?? false,
    transportByPoints: o?.transportByPoints ?? false,
    shifts: o
      ? o.shifts.map((s) => ({
          key: s.id,
          id: s.id,
          date: toZoned(s.startsAt, tz).date,
          start: toZoned(s.startsAt, tz).time,
          end: toZoned(s.endsAt, tz).time,
          capacity: s.capacity,
        }))
      : [newShift()],
  };
}

const orNull = (v: string) => v.trim() || null;

/** The request body, with wall-clock times read in the opportunity's time zone. */
export function bodyOf(v: Values, timeZone: string): OpportunityCreate & { shifts: { id?: string }[] } {
  const mode = v.mode;
  return {
    companyId: v.companyId!,
    siteId: v.siteId,
    titleJa: orNull(v.titleJa),
    titleEn: orNull(v.titleEn),
    descriptionJa: orNull(v.descriptionJa),
    descriptionEn: orNull(v.descriptionEn),
    organiser: v.organiser.trim(),
    partnerName: orNull(v.partnerName),
    field: v.field!,
    sdgs: v.sdgs.map(Number),
    requiredSkills: v.requiredSkills,
    mode,
    address: mode === 'online' ? null : orNull(v.address),
    prefecture: mode === 'online' ? null : v.prefecture,
    region: mode === 'online' ? null : orNull(v.region),
    onlineUrl: mode === 'on_site' ? null : orNull(v.onlineUrl),
    signupDeadline: fromLocalInput(v.signupDeadline, timeZone),
    cancelDeadline: fromLocalInput(v.cancelDeadline, timeZone),
    visibility: v.visibility,
    visibleCompanyIds: v.visibility === 'companies' ? v.visibleCompanyIds : [],
    familyAllowed: v.familyAllowed,
    transportByPoints: v.transportByPoints,
    shifts: v.shifts.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      startsAt: fromZoned(s.date, s.start, timeZone),
      endsAt: fromZoned(s.date, s.end, timeZone),
      capacity: Number(s.capacity),
    })),
  };
}

/** The server's field paths as the form's (shift times are split into date, start and end). */
export function formPath(path: string): string {
  return path
    .replace(/^shifts\.(\d+)\.startsAt$/, 'shifts.$1.start')
    .replace(/^shifts\.(\d+)\.endsAt$/, 'shifts.$1.end')
    .replace(/^(requiredSkills|visibleCompanyIds|sdgs)\.\d+$/, '$1');
}

/**
 * Where the user may post: undefined for anywhere (an organisation-wide grant), else the companies
 * they run (all their sites) and the single sites they run.
 */
export function postingScope(grants: Grant[]): { companyIds: string[]; siteIds: string[] } | undefined {
  const roles = rolesFor('opportunities.manage');
  const mine = grants.filter((g) => roles.includes(g.role));
  if (mine.some((g) => g.scopeType === 'org')) return undefined;
  return {
    companyIds: mine.flatMap((g) => (g.scopeType === 'company' && g.companyId ? [g.companyId] : [])),
    siteIds: mine.flatMap((g) => (g.scopeType === 'site' && g.siteId ? [g.siteId] : [])),
  };
}

const URL_PATTERN = /^https?:\/\/\S+$/;

/** The checks made before sending: what the server would refuse anyway, said at once and in place. */
export function validation(t: (key: string) => string, defaultLang: 'ja' | 'en'): FormValidateInput<Values> {
  const required = (v: string | null) => (v?.toString().trim() ? null : t('form.required'));
  return {
    companyId: required,
    organiser: required,
    field: required,
    titleJa: (v) => (defaultLang === 'ja' ? required(v) : null),
    titleEn: (v) => (defaultLang === 'en' ? required(v) : null),
    descriptionJa: (v) => (defaultLang === 'ja' ? required(v) : null),
    descriptionEn: (v) => (defaultLang === 'en' ? required(v) : null),
    onlineUrl: (v, all) =>
      all.mode === 'on_site'
        ? null
        : !v.trim()
          ? t('form.required')
          : URL_PATTERN.test(v.trim())
            ? null
            : t('opportunities:form.urlInvalid'),
    prefecture: (v, all) =>
      all.mode !== 'online' && !v && !all.region.trim() ? t('opportunities:form.placeHelp') : null,
    visibleCompanyIds: (v, all) => (all.visibility === 'companies' && !v.length ? t('form.required') : null),
    shifts: {
      date: required,
      start: required,
      end: (v, all, path) => {
        const s = all.shifts[Number(path.split('.')[1])];
        return !v
          ? t('form.required')
          : s.start && v <= s.start
            ? t('opportunities:form.endAfterStart')
            : null;
      },
      capacity: (v) => (Number(v) >= 1 ? null : t('form.required')),
    },
  };
}

import i18next, { type i18n, type Resource } from 'i18next';
import cliEn from './cli.en.json' with { type: 'json' };
import cliJa from './cli.ja.json' with { type: 'json' };
import errorsEn from './errors.en.json' with { type: 'json' };
import errorsJa from './errors.ja.json' with { type: 'json' };
import webEn from './web.en.json' with { type: 'json' };
import webJa from './web.ja.json' with { type: 'json' };
import volunteerEn from './volunteer.en.json' with { type: 'json' };
import volunteerJa from './volunteer.ja.json' with { type: 'json' };
import opportunitiesEn from './opportunities.en.json' with { type: 'json' };
import opportunitiesJa from './opportunities.ja.json' with { type: 'json' };
import participationEn from './participation.en.json' with { type: 'json' };
import participationJa from './participation.ja.json' with { type: 'json' };
import notificationsEn from './notifications.en.json' with { type: 'json' };
import notificationsJa from './notifications.ja.json' with { type: 'json' };
import kpiEn from './kpi.en.json' with { type: 'json' };
import kpiJa from './kpi.ja.json' with { type: 'json' };
import pointsEn from './points.en.json' with { type: 'json' };
import pointsJa from './points.ja.json' with { type: 'json' };
import claimsEn from './claims.en.json' with { type: 'json' };
import claimsJa from './claims.ja.json' with { type: 'json' };
import campaignsEn from './campaigns.en.json' with { type: 'json' };
import campaignsJa from './campaigns.ja.json' with { type: 'json' };
import donationsEn from './donations.en.json' with { type: 'json' };
import donationsJa from './donations.ja.json' with { type: 'json' };
import financeEn from './finance.en.json' with { type: 'json' };
import financeJa from './finance.ja.json' with { type: 'json' };
import programsEn from './programs.en.json' with { type: 'json' };
import programsJa from './programs.ja.json' with { type: 'json' };
import partnersEn from './partners.en.json' with { type: 'json' };
import partnersJa from './partners.ja.json' with { type: 'json' };
import screeningEn from './screening.en.json' with { type: 'json' };
import screeningJa from './screening.ja.json' with { type: 'json' };
import recordsEn from './records.en.json' with { type: 'json' };
import recordsJa from './records.ja.json' with { type: 'json' };
import sessionsEn from './sessions.en.json' with { type: 'json' };
import sessionsJa from './sessions.ja.json' with { type: 'json' };
import certificationsEn from './certifications.en.json' with { type: 'json' };
import certificationsJa from './certifications.ja.json' with { type: 'json' };
import drivesEn from './drives.en.json' with { type: 'json' };
import drivesJa from './drives.ja.json' with { type: 'json' };
import evaluationEn from './evaluation.en.json' with { type: 'json' };
import evaluationJa from './evaluation.ja.json' with { type: 'json' };
import expensesEn from './expenses.en.json' with { type: 'json' };
import expensesJa from './expenses.ja.json' with { type: 'json' };
import accountingEn from './accounting.en.json' with { type: 'json' };
import accountingJa from './accounting.ja.json' with { type: 'json' };
import goalsEn from './goals.en.json' with { type: 'json' };
import goalsJa from './goals.ja.json' with { type: 'json' };
import reportsEn from './reports.en.json' with { type: 'json' };
import reportsJa from './reports.ja.json' with { type: 'json' };
import reportEn from './report.en.json' with { type: 'json' };
import reportJa from './report.ja.json' with { type: 'json' };
import type { Locale } from '../fiscal-year.js';

export const LOCALES: readonly Locale[] = ['ja', 'en'];
export const NAMESPACES = [
  'web',
  'errors',
  'cli',
  'volunteer',
  'opportunities',
  'participation',
  'notifications',
  'kpi',
  'points',
  'claims',
  'campaigns',
  'donations',
  'finance',
  'programs',
  'partners',
  'screening',
  'records',
  'sessions',
  'certifications',
  'drives',
  'evaluation',
  'expenses',
  'accounting',
  'goals',
  'reports',
  'report',
] as const;

export const resources: Resource = {
  ja: {
    web: webJa,
    errors: errorsJa,
    cli: cliJa,
    volunteer: volunteerJa,
    opportunities: opportunitiesJa,
    participation: participationJa,
    notifications: notificationsJa,
    kpi: kpiJa,
    points: pointsJa,
    claims: claimsJa,
    campaigns: campaignsJa,
    donations: donationsJa,
    finance: financeJa,
    programs: programsJa,
    partners: partnersJa,
    screening: screeningJa,
    records: recordsJa,
    sessions: sessionsJa,
    certifications: certificationsJa,
    drives: drivesJa,
    evaluation: evaluationJa,
    expenses: expensesJa,
    accounting: accountingJa,
    goals: goalsJa,
    reports: reportsJa,
    report: reportJa,
  },
  en: {
    web: webEn,
    errors: errorsEn,
    cli: cliEn,
    volunteer: volunteerEn,
    opportunities: opportunitiesEn,
    participation: participationEn,
    notifications: notificationsEn,
    kpi: kpiEn,
    points: pointsEn,
    claims: claimsEn,
    campaigns: campaignsEn,
    donations: donationsEn,
    finance: financeEn,
    programs: programsEn,
    partners: partnersEn,
    screening: screeningEn,
    records: recordsEn,
    sessions: sessionsEn,
    certifications: certificationsEn,
    drives: drivesEn,
    evaluation: evaluationEn,
    expenses: expensesEn,
    accounting: accountingEn,
    goals: goalsEn,
    reports: reportsEn,
    report: reportEn,
  },
};

/** A fresh i18next instance over the shared catalogues (the server keeps one; the web app its own). */
export function createI18n(lng: Locale = 'ja'): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng,
    fallbackLng: 'en',
    ns: NAMESPACES as unknown as string[],
    defaultNS: 'web',
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  } as never);
  return instance;
}

/** Picks ja or en from an Accept-Language header; undefined when neither is asked for. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('ja')) return 'ja';
    if (tag.startsWith('en')) return 'en';
  }
  return undefined;
}

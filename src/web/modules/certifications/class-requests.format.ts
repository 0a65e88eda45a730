import type { ClassRequestStatus } from './certifications.api';

/** The badge colour of each request status. */
export const STATUS_COLOR: Record<ClassRequestStatus, string> = {
  requested: 'yellow',
  assigned: 'blue',
  completed: 'teal',
  declined: 'gray',
  cancelled: 'gray',
};

/** The request's program name in the UI language (the other one when missing). */
export const programName = (
  locale: 'ja' | 'en',
  r: { programNameJa: string | null; programNameEn: string | null },
) => (locale === 'ja' ? (r.programNameJa ?? r.programNameEn) : (r.programNameEn ?? r.programNameJa)) ?? '';

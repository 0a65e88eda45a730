/** Closed vocabularies of the Volunteer Support Service, shared by the database checks, the API and the screens. */

export const OPPORTUNITY_MODES = ['online', 'on_site', 'hybrid'] as const;
export type OpportunityMode = (typeof OPPORTUNITY_MODES)[number];

export const OPPORTUNITY_STATUSES = ['draft', 'published', 'cancelled', 'completed'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** Who may see and join: the whole group, or only the listed group companies. */
export const VISIBILITIES = ['group', 'companies'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/** Attendance of a confirmed sign-up, once the organiser (or a QR check-in) has recorded it. */
export const ATTENDANCE = ['attended', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export const HOUR_LOG_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type HourLogStatus = (typeof HOUR_LOG_STATUSES)[number];

/** When a registered volunteer is usually free. */
export const AVAILABILITY = ['weekday_daytime', 'weekday_evening', 'weekend', 'flexible'] as const;
export type Availability = (typeof AVAILABILITY)[number];

/** Languages a volunteer can work in (ISO 639-1). */
export const LANGUAGES = ['ja', 'en', 'zh', 'ko', 'hi', 'th', 'es', 'pt', 'vi', 'fr', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

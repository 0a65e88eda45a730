import type { z } from 'zod';
import type { ApiTokenCreatedSchema, ApiTokenSchema } from '../../server/modules/auth/auth.schema';
import type { SITE_KINDS as CONTRACT_SITE_KINDS } from '../../server/modules/organisations/organisations.schema';
import type { EMPLOYMENT_STATUSES as CONTRACT_STATUSES } from '../../server/modules/people/people.schema';

// The shapes the web app reads come from the server's zod contracts (import type only: those files
// import nothing but zod and src/shared), so a contract change breaks the build, not the screen.
export type { Grant, Me, User } from '../../server/modules/auth/auth.schema';
export type { UserAdmin } from '../../server/modules/auth/users.schema';
export type {
  Company,
  Department,
  Organisation,
  OrganisationUpdate,
  Site,
} from '../../server/modules/organisations/organisations.schema';
export type { Employee, EmploymentStatus } from '../../server/modules/people/people.schema';
export type { AuditEntry, AuditPage } from '../../server/modules/audit/audit.schema';
export type { Prefecture } from '../../shared/prefectures';
export type { Locale } from '../../shared/fiscal-year';
export type { Role, ScopeType, Permission } from '../../shared/roles';

export type ApiToken = z.infer<typeof ApiTokenSchema>;
export type ApiTokenCreated = z.infer<typeof ApiTokenCreatedSchema>;

// Value lists the screens iterate over. They repeat the contracts' enums because those files are
// imported as types only (the bundle must not pull in the server's zod schemas); tsc checks they agree.
export const SITE_KINDS = ['head_office', 'office', 'factory', 'lab', 'other'] as const;
export const EMPLOYMENT_STATUSES = ['active', 'on_leave', 'left'] as const;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Type-checking fails here when a list above drifts from the contract's enum. */
export const LISTS_MATCH_CONTRACTS: [
  Same<(typeof SITE_KINDS)[number], (typeof CONTRACT_SITE_KINDS)[number]>,
  Same<(typeof EMPLOYMENT_STATUSES)[number], (typeof CONTRACT_STATUSES)[number]>,
] = [true, true];

/** What the audit log records changes to (role grants are recorded on the user). */
export const ENTITY_TYPES = [
  'organisation',
  'company',
  'site',
  'department',
  'employee',
  'user',
  'api_token',
  'volunteer_registration',
  'volunteer_skill',
  'opportunity',
  'signup',
  'hour_log',
  'calendar_feed',
  'partner',
  'campaign',
  'donation',
  'company_donation',
  'point_claim',
  'ledger_posting',
  'payout',
  'fx_rate',
  'stored_file',
  'partner_contact',
  'screening_guideline',
  'partner_screening',
  'partner_agreement',
  'program',
  'program_cohort',
  'program_graduate',
  'program_project',
  'program_session',
  'program_testimonial',
  'program_photo',
  'certification',
  'certification_holder',
  'class_request',
  'survey',
  'survey_response',
  'collection_item',
  'collection_drive',
  'collection_report',
  'evaluation_criterion',
  'program_review',
  'program_impact',
  'expense',
  'fiscal_year_close',
  'restatement',
  'metric',
  'metric_value',
  'target',
  'yearly_goal',
  'goal_progress',
  'report',
  'report_block',
] as const;

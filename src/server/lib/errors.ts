export type ErrorCode =
  | 'validation_failed'
  | 'unknown_field'
  | 'bad_request'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'account_locked'
  | 'account_disabled'
  | 'too_many_requests'
  | 'csrf_failed'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'duplicate'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'password_too_weak'
  | 'wrong_password'
  | 'data_dir_locked'
  | 'import_invalid'
  | 'no_employee_record'
  | 'not_registered'
  | 'already_signed_up'
  | 'signup_closed'
  | 'not_visible'
  | 'cancel_closed'
  | 'capacity_below_confirmed'
  | 'shift_has_signups'
  | 'checkin_closed'
  | 'invalid_transition'
  | 'insufficient_points'
  | 'insufficient_balance'
  | 'already_reversed'
  | 'cannot_reverse_reversal'
  | 'idempotency_key_reused'
  | 'ledger_unbalanced'
  | 'fx_rate_missing'
  | 'recipient_not_eligible'
  | 'recipient_closed'
  | 'campaign_closed'
  | 'campaign_method_not_accepted'
  | 'claim_not_allowed'
  | 'not_attended'
  | 'already_claimed'
  | 'own_request'
  | 'file_type_not_allowed'
  | 'file_too_large'
  | 'webhook_signature_invalid'
  | 'nothing_to_pay'
  | 'fiscal_year_ended'
  | 'fiscal_year_open'
  | 'reversal_not_allowed'
  | 'guideline_not_draft'
  | 'guideline_draft_exists'
  | 'no_active_guideline'
  | 'screening_decided'
  | 'screening_draft_exists'
  | 'screening_incomplete'
  | 'already_certified'
  | 'already_renewed'
  | 'instructor_not_certified'
  | 'instructor_busy'
  | 'review_final'
  | 'review_incomplete'
  | 'drive_closed'
  | 'partner_not_eligible'
  | 'fiscal_year_closed'
  | 'fiscal_year_not_ended'
  | 'fiscal_year_not_closed'
  | 'metric_bound'
  | 'report_year_open'
  | 'translation_missing'
  | 'pdf_unavailable'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unknown_field: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_locked: 423,
  account_disabled: 403,
  too_many_requests: 429,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  password_too_weak: 400,
  wrong_password: 400,
  data_dir_locked: 409,
  import_invalid: 422,
  no_employee_record: 403,
  not_registered: 404,
  already_signed_up: 409,
  signup_closed: 409,
  not_visible: 403,
  cancel_closed: 409,
  capacity_below_confirmed: 409,
  shift_has_signups: 409,
  checkin_closed: 409,
  invalid_transition: 409,
  insufficient_points: 409,
  insufficient_balance: 409,
  already_reversed: 409,
  cannot_reverse_reversal: 409,
  idempotency_key_reused: 422,
  ledger_unbalanced: 422,
  fx_rate_missing: 409,
  recipient_not_eligible: 422,
  recipient_closed: 422,
  campaign_closed: 409,
  campaign_method_not_accepted: 422,
  claim_not_allowed: 422,
  not_attended: 422,
  already_claimed: 409,
  own_request: 403,
  file_type_not_allowed: 415,
  file_too_large: 413,
  webhook_signature_invalid: 401,
  nothing_to_pay: 409,
  fiscal_year_ended: 409,
  fiscal_year_open: 409,
  reversal_not_allowed: 409,
  guideline_not_draft: 409,
  guideline_draft_exists: 409,
  no_active_guideline: 409,
  screening_decided: 409,
  screening_draft_exists: 409,
  screening_incomplete: 422,
  already_certified: 409,
  already_renewed: 409,
  instructor_not_certified: 422,
  instructor_busy: 409,
  review_final: 409,
  review_incomplete: 422,
  drive_closed: 409,
  partner_not_eligible: 422,
  fiscal_year_closed: 409,
  fiscal_year_not_ended: 409,
  fiscal_year_not_closed: 409,
  metric_bound: 409,
  report_year_open: 409,
  translation_missing: 422,
  /** The server has no Chromium to print a PDF with (docs/operations.md). */
  pdf_unavailable: 503,
  internal: 500,
};

/** One offending field: a JSON path (or a CSV row and column) and the code of what is wrong with it. */
export type FieldIssue = { path: string; code: string; message?: string; row?: number; column?: string };

/** The one error type of the application. Its code is stable; the message is chosen by the caller's language. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldIssue[];
  readonly params: Record<string, string | number>;

  constructor(
    code: ErrorCode,
    options: { fields?: FieldIssue[]; params?: Record<string, string | number>; detail?: string } = {},
  ) {
    super(options.detail ?? code);
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS[code];
    this.fields = options.fields ?? [];
    this.params = options.params ?? {};
  }
}

export const notFound = (entity: string) => new AppError('not_found', { params: { entity } });
export const forbidden = () => new AppError('forbidden');

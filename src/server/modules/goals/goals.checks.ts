import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { assertHolds } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { groupCompanies } from '../organisations/organisations.table.js';
import { certifications } from '../programs/certifications.table.js';
import { programs } from '../programs/programs.table.js';
import { BINDINGS } from './goals.bindings.js';
import { metrics } from './goals.table.js';

/** Goals are the group's: changing them takes an organisation-wide goals.manage grant. Throws forbidden. */
export const assertManage = (ctx: Ctx) => assertHolds(ctx, 'goals.manage', {});

export const fail = (fields: FieldIssue[]) => {
  if (fields.length) throw new AppError('validation_failed', { fields });
};

/** The field code of a zod issue, in the codes errors.{ja,en}.json know. */
function issueCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  if (['invalid_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value'].includes(issue.code))
    return issue.code;
  return 'invalid_value';
}

/**
 * The rules of a metric's binding: a bound metric names a known binding with valid parameters (the
 * program or certification they name must exist) and a group company only when the binding can be
 * limited to one; a manual metric has none of these. Returns the parsed parameters.
 */
export async function checkBinding(
  ctx: Ctx,
  m: { kind: string; binding: string | null; params: unknown; scopeCompanyId: string | null },
  issues: FieldIssue[],
): Promise<Record<string, unknown>> {
  if (m.kind === 'manual') {
    if (m.binding) issues.push({ path: 'binding', code: 'invalid_value' });
    if (m.params && Object.keys(m.params as object).length)
      issues.push({ path: 'params', code: 'invalid_value' });
    if (m.scopeCompanyId) issues.push({ path: 'scopeCompanyId', code: 'invalid_value' });
    return {};
  }
  if (!m.binding) {
    issues.push({ path: 'binding', code: 'required' });
    return {};
  }
  const binding = BINDINGS[m.binding];
  if (!binding) {
    issues.push({ path: 'binding', code: 'invalid_value' });
    return {};
  }
  const parsed = binding.params.safeParse(m.params ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.join('.')];
      for (const key of keys) issues.push({ path: key ? `params.${key}` : 'params', code: issueCode(issue) });
    }
    return {};
  }
  const params = parsed.data as Record<string, unknown>;
  if (typeof params.programCode === 'string') {
    const [p] = await ctx.db
      .select({ id: programs.id })
      .from(programs)
      .where(and(eq(programs.orgId, ctx.orgId), eq(programs.code, params.programCode)));
    if (!p) issues.push({ path: 'params.programCode', code: 'unknown_program' });
  }
  if (typeof params.certificationCode === 'string') {
    const [c] = await ctx.db
      .select({ id: certifications.id })
      .from(certifications)
      .where(and(eq(certifications.orgId, ctx.orgId), eq(certifications.code, params.certificationCode)));
    if (!c) issues.push({ path: 'params.certificationCode', code: 'unknown_certification' });
  }
  if (m.scopeCompanyId) {
    if (!binding.scoped) issues.push({ path: 'scopeCompanyId', code: 'invalid_value' });
    else {
      const [c] = await ctx.db
        .select({ id: groupCompanies.id })
        .from(groupCompanies)
        .where(and(eq(groupCompanies.orgId, ctx.orgId), eq(groupCompanies.id, m.scopeCompanyId)));
      if (!c) issues.push({ path: 'scopeCompanyId', code: 'not_found' });
    }
  }
  return params;
}

/** The metric of the caller's organisation, or a field issue at `path`. */
export async function metricRef(ctx: Ctx, id: string | null | undefined, path: string, issues: FieldIssue[]) {
  if (!id) return null;
  const [m] = await ctx.db
    .select()
    .from(metrics)
    .where(and(eq(metrics.orgId, ctx.orgId), eq(metrics.id, id)));
  if (!m) issues.push({ path, code: 'not_found' });
  return m ?? null;
}

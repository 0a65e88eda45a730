import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ROLES, type Role } from '../../shared/roles.js';
import type { Ctx } from '../../server/lib/context.js';
import type { RoleGrantCreate } from '../../server/modules/auth/users.schema.js';
import { UserCreateSchema } from '../../server/modules/auth/users.schema.js';
import { createUser } from '../../server/modules/auth/users.service.js';
import { groupCompanies, sites } from '../../server/modules/organisations/organisations.table.js';
import { employees } from '../../server/modules/people/people.table.js';
import { cliCtx, resolveOrganisation, withSession } from '../open.js';
import { UsageError } from '../output.js';
import type { Register } from './command.js';

type Options = {
  email: string;
  role: string;
  scope: string;
  employee?: string;
  password?: string;
  org?: string;
};

/** A password for an account created without one: 16 URL-safe characters (96 bits). */
export const generatePassword = () => randomBytes(12).toString('base64url');

/** Turns --scope org | company:CODE | site:CODE into a grant on the organisation's records. */
async function grantFor(ctx: Ctx, role: Role, scope: string): Promise<RoleGrantCreate> {
  if (scope === 'org') return { role, scopeType: 'org' };
  const m = /^(company|site):(.+)$/.exec(scope);
  if (!m) throw new UsageError('badScope', { scope });
  const [, kind, code] = m;
  if (kind === 'company') {
    const [c] = await ctx.db
      .select({ id: groupCompanies.id })
      .from(groupCompanies)
      .where(and(eq(groupCompanies.orgId, ctx.orgId), eq(groupCompanies.code, code)));
    if (!c) throw new UsageError('unknownCompany', { code });
    return { role, scopeType: 'company', companyId: c.id };
  }
  const [s] = await ctx.db
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.orgId, ctx.orgId), eq(sites.code, code)));
  if (!s) throw new UsageError('unknownSite', { code });
  return { role, scopeType: 'site', siteId: s.id };
}

async function employeeId(ctx: Ctx, number?: string): Promise<string | undefined> {
  if (!number) return undefined;
  const [e] = await ctx.db
    .select({ id: employees.id })
    .from(employees)
    .where(and(eq(employees.orgId, ctx.orgId), eq(employees.employeeNumber, number)));
  if (!e) throw new UsageError('unknownEmployee', { number });
  return e.id;
}

/** `kyosei user create --email E --role R [--scope ...] [--employee N] [--password P]`. */
export const registerUserCreate: Register = (user, { out, config }) => {
  user
    .command('create')
    .description(out.t('command.userCreate'))
    .requiredOption('--email <email>', out.t('command.email'))
    .requiredOption('--role <role>', out.t('command.role', { roles: ROLES.join(', ') }))
    .option('--scope <scope>', out.t('command.scope'), 'org')
    .option('--employee <number>', out.t('command.employee'))
    .option('--password <password>', out.t('command.password'))
    .option('--org <code>', out.t('program.org'))
    .action(async (opts: Options) => {
      if (!(ROLES as readonly string[]).includes(opts.role))
        throw new UsageError('badRole', { role: opts.role, roles: ROLES.join(', ') });
      const role = opts.role as Role;
      const password = opts.password ?? generatePassword();
      await withSession(config, async ({ database }) => {
        const org = await resolveOrganisation(database.db, opts.org);
        const ctx = cliCtx(database, org, out.lang);
        const grant = await grantFor(ctx, role, opts.scope);
        const input = UserCreateSchema.parse({
          email: opts.email,
          password,
          locale: out.lang,
          employeeId: await employeeId(ctx, opts.employee),
          grants: [grant],
        });
        const created = await createUser(ctx, input);
        const scope = created.grants[0]?.scopeType === 'org' ? out.t('message.scopeOrg') : opts.scope;
        out.line(
          out.t('message.userCreated', { email: created.email, role: out.t(`web:role.${role}`), scope }),
        );
        if (!opts.password) out.line(out.t('message.passwordShown', { password }));
      });
    });
};

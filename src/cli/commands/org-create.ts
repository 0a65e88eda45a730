import { UserCreateSchema } from '../../server/modules/auth/users.schema.js';
import { createUser } from '../../server/modules/auth/users.service.js';
import { createOrganisation } from '../../server/modules/organisations/organisations.service.js';
import { cliCtx, withSession } from '../open.js';
import { UsageError } from '../output.js';
import type { Register } from './command.js';
import { generatePassword } from './user-create.js';

type Options = {
  code: string;
  nameJa: string;
  nameEn: string;
  locale: string;
  adminEmail?: string;
  password?: string;
};

/** `kyosei org create --code C --name-ja N --name-en N [--admin-email E [--password P]]`: a new tenant. */
export const registerOrgCreate: Register = (org, { out, config }) => {
  org
    .command('create')
    .description(out.t('command.orgCreate'))
    .requiredOption('--code <code>', out.t('command.code'))
    .requiredOption('--name-ja <name>', out.t('command.nameJa'))
    .requiredOption('--name-en <name>', out.t('command.nameEn'))
    .option('--locale <locale>', out.t('command.locale'), 'ja')
    .option('--admin-email <email>', out.t('command.adminEmail'))
    .option('--password <password>', out.t('command.password'))
    .action(async (opts: Options) => {
      if (!/^[A-Z0-9][A-Z0-9_-]{1,31}$/.test(opts.code))
        throw new UsageError('badOrgCode', { code: opts.code });
      if (opts.locale !== 'ja' && opts.locale !== 'en')
        throw new UsageError('badLocale', { locale: opts.locale });
      const password = opts.password ?? generatePassword();
      await withSession(config, async ({ database }) => {
        const row = await createOrganisation(
          database.db,
          {
            code: opts.code,
            nameJa: opts.nameJa,
            nameEn: opts.nameEn,
            defaultLocale: opts.locale as 'ja' | 'en',
          },
          'cli',
        );
        out.line(out.t('message.orgCreated', { code: row.code, nameJa: row.nameJa, nameEn: row.nameEn }));
        if (!opts.adminEmail) return;
        const ctx = cliCtx(database, row, out.lang);
        const input = UserCreateSchema.parse({
          email: opts.adminEmail,
          password,
          locale: row.defaultLocale,
          grants: [{ role: 'org_admin', scopeType: 'org' }],
        });
        const created = await createUser(ctx, input);
        out.line(
          out.t('message.userCreated', {
            email: created.email,
            role: out.t('web:role.org_admin'),
            scope: out.t('message.scopeOrg'),
          }),
        );
        if (!opts.password) out.line(out.t('message.passwordShown', { password }));
      });
    });
};

import { findUserByEmail, setPassword } from '../../server/modules/auth/users.service.js';
import { MIN_PASSWORD_LENGTH } from '../../server/modules/auth/passwords.js';
import { cliCtx, resolveOrganisation, withSession } from '../open.js';
import { UsageError } from '../output.js';
import type { Register } from './command.js';
import { generatePassword } from './user-create.js';

/** `kyosei user set-password --email E [--password P]`: an administrator's reset from the shell. */
export const registerUserSetPassword: Register = (user, { out, config }) => {
  user
    .command('set-password')
    .description(out.t('command.userSetPassword'))
    .requiredOption('--email <email>', out.t('command.email'))
    .option('--password <password>', out.t('command.password'))
    .option('--org <code>', out.t('program.org'))
    .action(async (opts: { email: string; password?: string; org?: string }) => {
      if (opts.password !== undefined && opts.password.length < MIN_PASSWORD_LENGTH)
        throw new UsageError('passwordTooShort', { min: MIN_PASSWORD_LENGTH });
      const password = opts.password ?? generatePassword();
      await withSession(config, async ({ database }) => {
        const org = await resolveOrganisation(database.db, opts.org);
        const ctx = cliCtx(database, org, out.lang);
        const found = await findUserByEmail(ctx, opts.email);
        if (!found) throw new UsageError('userNotFound', { email: opts.email, org: org.code });
        await setPassword(ctx, found.id, password);
        out.line(out.t('message.passwordSet', { email: found.email }));
        if (!opts.password) out.line(out.t('message.passwordShown', { password }));
      });
    });
};

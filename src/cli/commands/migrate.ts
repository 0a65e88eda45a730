import type { Register } from './command.js';
import { withSession } from '../open.js';

/** `kyosei migrate`: applies the committed SQL migrations. */
export const registerMigrate: Register = (program, { out, config }) => {
  program
    .command('migrate')
    .description(out.t('command.migrate'))
    .action(async () => {
      await withSession(config, async ({ location }) => out.line(out.t('message.migrated', { location })));
    });
};

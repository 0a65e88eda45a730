import { demoAccountLines } from '../../server/modules/demo/demo.messages.js';
import { loadDemo } from '../../server/modules/demo/demo.service.js';
import { withSession } from '../open.js';
import { type Register, wholeNumber } from './command.js';

/** `kyosei demo load [--employees N]`: loads the demo organisation unless it exists. */
export const registerDemoLoad: Register = (demo, { out, config }) => {
  demo
    .command('load')
    .description(out.t('command.demoLoad'))
    .option('--employees <n>', out.t('command.demoEmployees'))
    .action(async (opts: { employees?: string }) => {
      const employees = wholeNumber(opts.employees, '--employees', 10, 200_000) ?? config.demoEmployees;
      await withSession(config, async ({ database }) => {
        out.note(out.t('message.demoLoading', { employees }));
        const started = Date.now();
        const result = await loadDemo(database, { employees, password: config.demoPassword });
        if (!result.loaded) {
          out.line(out.t('message.demoExists', { code: 'DEMO' }));
          return;
        }
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        out.line(out.t('message.demoLoaded', { code: 'DEMO', employees: result.employees, seconds }));
        const password = result.passwordGenerated ? { generated: result.password! } : ('given' as const);
        for (const line of demoAccountLines(out.t, out.lang, result.accounts, password)) out.line(line);
      });
    });
};

import { startServer } from '../../server/main.js';
import type { Register } from './command.js';

/** `kyosei serve`: runs the server until SIGINT or SIGTERM. */
export const registerServe: Register = (program, { out, config, keepAlive }) => {
  program
    .command('serve')
    .description(out.t('command.serve'))
    .action(async () => {
      await startServer(config, { print: out.line });
      keepAlive();
    });
};

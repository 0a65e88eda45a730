import { Command, CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { type Config, loadConfig } from '../server/config.js';
import type { Locale } from '../shared/fiscal-year.js';
import type { CommandDeps } from './commands/command.js';
import { registerDemoLoad } from './commands/demo-load.js';
import { registerImportDonationPayments } from './commands/import-donation-payments.js';
import { registerImportEmployees } from './commands/import-employees.js';
import { registerImportExpenses } from './commands/import-expenses.js';
import { registerImportPoints } from './commands/import-points.js';
import { registerImportProgramRecords } from './commands/import-program-records.js';
import { registerImportRegistrations } from './commands/import-registrations.js';
import { registerLedgerVerify } from './commands/ledger-verify.js';
import { registerMigrate } from './commands/migrate.js';
import { registerOrgCreate } from './commands/org-create.js';
import { registerPointsExpire } from './commands/points-expire.js';
import { registerReport } from './commands/report.js';
import { registerServe } from './commands/serve.js';
import { registerUserCreate } from './commands/user-create.js';
import { registerUserSetPassword } from './commands/user-set-password.js';
import { type CliStreams, createOutput, type Output, printError } from './output.js';

/** --lang given on the command line wins over KYOSEI_LANG and LANG (read early: help text is translated). */
function langFrom(argv: string[], config: Config): Locale {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i === -1 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return value === 'ja' || value === 'en' ? value : config.lang;
}

const TITLES: Record<string, string> = {
  'Usage:': 'help.usage',
  'Options:': 'help.options',
  'Global Options:': 'help.globalOptions',
  'Commands:': 'help.commands',
  'Arguments:': 'help.arguments',
};

function commanderMessage(out: Output, err: CommanderError): string {
  const key = err.code.replace(/^commander\./, '');
  const name = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  const known = out.t(`error.commander.${key}`, { name, defaultValue: '' });
  return known || out.t('error.commander.other', { message: err.message.replace(/^error: /, '') });
}

/** Builds the `kyosei` program with every command, its help in the chosen language. */
export function buildProgram(deps: CommandDeps): Command {
  const { out } = deps;
  const program = new Command('kyosei');
  program
    .description(out.t('program.description'))
    .version(pkg.version, '-V, --version', out.t('program.version'))
    .option('--lang <lang>', out.t('program.lang'))
    .helpOption('-h, --help', out.t('program.helpOption'))
    .helpCommand('help [command]', out.t('program.help'))
    .configureHelp({ styleTitle: (title) => (TITLES[title] ? out.t(TITLES[title]) : title) })
    .configureOutput({
      writeOut: (text) => out.stdout.write(text),
      writeErr: (text) => out.stderr.write(text),
      outputError: () => undefined,
    })
    .showSuggestionAfterError(false)
    .exitOverride();
  registerMigrate(program, deps);
  registerServe(program, deps);
  registerDemoLoad(program.command('demo').description(out.t('command.demo')), deps);
  registerOrgCreate(program.command('org').description(out.t('command.org')), deps);
  const user = program.command('user').description(out.t('command.user'));
  registerUserCreate(user, deps);
  registerUserSetPassword(user, deps);
  const imports = program.command('import').description(out.t('command.import'));
  registerImportEmployees(imports, deps);
  registerImportRegistrations(imports, deps);
  registerImportDonationPayments(imports, deps);
  registerImportPoints(imports, deps);
  registerImportProgramRecords(imports, deps);
  registerImportExpenses(imports, deps);
  registerPointsExpire(program.command('points').description(out.t('points:cli.points')), deps);
  registerLedgerVerify(program.command('ledger').description(out.t('ledger.command')), deps);
  registerReport(program, deps);
  return program;
}

/** The process a command runs in: its environment and streams (a test passes its own; else the process's). */
export type CliProcess = CliStreams & { env: Record<string, string | undefined> };

/**
 * Runs the CLI. Resolves to the exit code, or null when the process must keep running (serve).
 * Failures print their message in the user's language and give 1.
 */
export async function run(
  argv: string[] = process.argv,
  { env, stdout = process.stdout, stderr = process.stderr }: Partial<CliProcess> = {},
): Promise<number | null> {
  let config: Config;
  try {
    // Without an environment given, the config module reads the process's.
    config = loadConfig(env);
  } catch (err) {
    stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
  const out = createOutput(langFrom(argv, config), { stdout, stderr });
  let keepAlive = false;
  const program = buildProgram({ out, config, keepAlive: () => (keepAlive = true) });
  try {
    await program.parseAsync(argv);
    return keepAlive ? null : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      if (err.code === 'commander.help') return err.exitCode;
      out.note(commanderMessage(out, err));
      return 1;
    }
    printError(out, err);
    return 1;
  }
}

import type { Command } from 'commander';
import type { Config } from '../../server/config.js';
import { type Output, UsageError } from '../output.js';

/** What every command file receives: the output in the chosen language, the config, and a way to stay up. */
export type CommandDeps = {
  out: Output;
  config: Config;
  /** Called by `serve`: the process keeps running after the command's action returns. */
  keepAlive(): void;
};

export type Register = (parent: Command, deps: CommandDeps) => void;

/** Reads a whole-number option within bounds, or throws a usage error naming the option. */
export function wholeNumber(value: string | undefined, option: string, min: number, max: number) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError('badNumber', { option, min, max });
  return n;
}

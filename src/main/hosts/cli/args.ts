import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FerryError } from '../../../shared/errors';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ArgsSpec<O extends Options> {
  /** The command's name, for "(see ferry NAME --help)". */
  command: string;
  options: O;
  /** The command takes operands (paths, a job id); without, any operand is refused. */
  positionals?: boolean;
  /** Said after an unknown option instead of pointing at --help (copy: how to name a path starting with "-"). */
  unknownHint?: string;
}

/**
 * Every CLI command's arguments, through node:util's parseArgs in strict mode: an unknown option, an
 * option missing its value (`--db` last, or followed by another option) and a value given to a flag are
 * refused with one short sentence (exit 2 through FerryError), never read as something else.
 */
export function parseCommandArgs<const O extends Options>(args: string[], spec: ArgsSpec<O>) {
  try {
    return parseArgs({ args, options: spec.options, allowPositionals: spec.positionals === true, strict: true });
  } catch (err) {
    const problem = usageProblem(err);
    const hint = problem.startsWith('unknown option') && spec.unknownHint ? spec.unknownHint : `see ferry ${spec.command} --help`;
    throw new FerryError('INVALID_INPUT', `${problem} (${hint})`);
  }
}

/** parseArgs's errors, in one short line ("unknown option --x", "option --db needs a value"). */
export function usageProblem(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /^Option '(?:-\w, )?(--[^\s']+)[^']*' argument (?:missing|is ambiguous)/.exec(message);
  if (missing) return `option ${missing[1]} needs a value`;
  const flag = /^Option '(?:-\w, )?(--[^\s']+)' does not take an argument/.exec(message);
  if (flag) return `option ${flag[1]} takes no value`;
  const operand = /^Unexpected argument '([^']*)'/.exec(message);
  if (operand) return `unexpected argument '${operand[1]}'`;
  return message.split(/\.\s|\n/)[0]!;
}

import * as path from 'node:path';
import { createFerryEngine, defaultDbPath, describeDamagedLibrary, parseRate, type FerryEngine } from '../../engine/ferry-engine';

/** What a CLI command may touch: injected so that tests can run commands in-process. */
export interface CliContext {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processContext(): CliContext {
  return {
    stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(),
    // Node makes process.stdin (a stream over the terminal or pipe, ~5 ms) on first access: only commands
    // that read answers or ask whether it is a terminal pay for it.
    get stdin() { return process.stdin; },
  };
}

/**
 * The README's exit codes, and 70 (EX_SOFTWARE of sysexits.h) when Ferry itself failed: a bug (with
 * its stack trace, to report) or a library found damaged in the middle of a command (with what to do).
 */
export const EXIT = { OK: 0, FILE_FAILURES: 1, USAGE: 2, INTERRUPTED: 3, INTERNAL: 70 } as const;

export interface Command {
  /** The full `ferry COMMAND --help` text. */
  help: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** `--db PATH` wins, then $FERRY_DB, then the XDG default. */
export function dbPathFrom(flag: string | undefined, ctx: CliContext): string {
  return flag ?? defaultDbPath(ctx.env);
}

/** `--limit-rate RATE` wins, then $FERRY_LIMIT_RATE; neither means no speed limit. */
export function rateLimitFrom(flag: string | undefined, ctx: CliContext): number | undefined {
  if (flag !== undefined) return parseRate(flag);
  const fromEnv = ctx.env.FERRY_LIMIT_RATE;
  return fromEnv ? parseRate(fromEnv, '$FERRY_LIMIT_RATE') : undefined;
}

/**
 * The engine facade over the library that `--db` names (else $FERRY_DB, else the default): how every
 * command reaches the engine. A damaged library is set aside and a fresh one started, in one line on
 * stderr. No listing thread: the CLI shows no folders.
 */
/** Runs `use` over an engine opened for one command, and closes it however `use` ends. */
export async function withEngine<T>(ctx: CliContext, dbFlag: string | undefined, use: (engine: FerryEngine) => Promise<T>): Promise<T> {
  const engine = openEngine(ctx, dbFlag);
  try {
    return await use(engine);
  } finally {
    engine.close();
  }
}

export function openEngine(ctx: CliContext, dbFlag: string | undefined, options: { defaultRateLimit?: number; browsing?: boolean } = {}): FerryEngine {
  return createFerryEngine({
    dbFile: path.resolve(ctx.cwd, dbPathFrom(dbFlag, ctx)),
    onLibraryDamaged: (notice) => ctx.stderr.write(`ferry: ${describeDamagedLibrary(notice)}\n`),
    browsing: false,
    ...options,
  });
}

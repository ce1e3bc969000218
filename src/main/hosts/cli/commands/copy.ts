import * as path from 'node:path';
import { FerryError } from '../../../../shared/errors';
import { OVERWRITE_MODES, isOverwriteMode } from '../../../../shared/overwrite-modes';
import type { OverwriteMode } from '../../../../shared/types';
import { parseCommandArgs } from '../args';
import { openEngine, rateLimitFrom, type CliContext, type Command } from '../context';
import { CopySession } from '../copy-session';

const HELP = `Usage: ferry copy [--overwrite skip|replace|prompt|skip-newer|keep-both] [--json] [--db PATH]
                  [--no-index] [--concurrency N] [--limit-rate RATE] [--replaced-to-trash] SOURCE... DEST

Copies each SOURCE (file, folder or symlink) into the folder DEST, as DEST/<name of SOURCE>.
Copying starts at once from the library index; files the index lacks are discovered while copying.

  --overwrite MODE   what to do when a file already exists at DEST:
                       skip        keep what is there
                       replace     replace it
                       skip-newer  keep it when it is as new as or newer than the source, else replace
                       keep-both   write the copy beside it as "name 2.ext"
                       prompt      ask (default on a terminal; otherwise the default is skip)
  --json             one event per line on stdout; with --overwrite prompt, answers are read from stdin
                     as {"type":"resolve","conflictId":"…","resolution":"skip","applyToAll":false}
  --db PATH          the library database (default $FERRY_DB, else ~/.local/share/ferry/library.db)
  --no-index         do not use the library index: discover everything on disk
  --concurrency N    copy worker threads (default 2–4 by CPU count)
  --limit-rate RATE  copy at most RATE bytes a second on average, e.g. 512K, 20M, 1G; 0 for none
                     (default $FERRY_LIMIT_RATE, else none); kept by \`ferry resume\`
  --replaced-to-trash  a file the copy replaces goes to the trash (see ferry trash --list), so it can be
                     restored; its name never disappears meanwhile (the app always does this)

Exit codes: 0 done, 1 done but some files failed, 2 invalid usage (nothing copied),
3 interrupted or stopped (resume with \`ferry resume JOB_ID\`).
`;

export interface CopyArgs {
  overwrite?: OverwriteMode;
  json: boolean;
  db?: string;
  useIndex: boolean;
  concurrency?: number;
  limitRate?: string;
  /** `ferry move --verify`. */
  verify?: boolean;
  /** --replaced-to-trash: set only when given. */
  replacedToTrash?: true;
  paths: string[];
}

/** `ferry copy`'s arguments, and `ferry move`'s (the same, and --verify). */
export function parseCopyArgs(args: string[], command: 'copy' | 'move' = 'copy'): CopyArgs {
  const { values, positionals } = parseCommandArgs(args, {
    command,
    positionals: true,
    unknownHint: 'a path starting with "-" goes after --',
    options: {
      overwrite: { type: 'string' }, json: { type: 'boolean' }, 'no-index': { type: 'boolean' }, db: { type: 'string' },
      concurrency: { type: 'string' }, 'limit-rate': { type: 'string' }, 'replaced-to-trash': { type: 'boolean' },
      ...(command === 'move' ? { verify: { type: 'boolean' as const } } : {}),
    },
  });
  const out: CopyArgs = { json: values.json === true, useIndex: values['no-index'] !== true, paths: positionals };
  if (values.overwrite !== undefined) {
    if (!isOverwriteMode(values.overwrite)) throw new FerryError('INVALID_INPUT', `--overwrite must be one of ${OVERWRITE_MODES.join(', ')}`);
    out.overwrite = values.overwrite;
  }
  if (values.db !== undefined) out.db = values.db;
  if (values.concurrency !== undefined) {
    const n = Number(values.concurrency);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new FerryError('INVALID_INPUT', '--concurrency must be a whole number from 1 to 64');
    out.concurrency = n;
  }
  if (values['limit-rate'] !== undefined) out.limitRate = values['limit-rate'];
  if (command === 'move') out.verify = values.verify === true;
  if (values['replaced-to-trash']) out.replacedToTrash = true;
  if (out.paths.length < 2) throw new FerryError('INVALID_INPUT', `give at least one SOURCE and a DEST folder (see ferry ${command} --help)`);
  return out;
}

/** docs/architecture.md §3: prompt on a terminal; skip otherwise, --json included, unless prompt is asked for. */
export function effectiveMode(args: CopyArgs, ctx: CliContext): OverwriteMode {
  const terminal = ctx.stdout.isTTY === true && ctx.stdin.isTTY === true;
  if (args.overwrite === 'prompt' && !terminal && !args.json) {
    throw new FerryError('PROMPT_IMPOSSIBLE',
      '--overwrite prompt needs a terminal or --json (answers on stdin); choose skip, replace, skip-newer or keep-both');
  }
  return args.overwrite ?? (terminal && !args.json ? 'prompt' : 'skip');
}

export const command: Command = {
  help: HELP,
  run: (argv, ctx) => runTransfer(argv, ctx, 'copy'),
};

/** `ferry copy` and `ferry move`: the same arguments (a move's also --verify), the same session and exit codes. */
export async function runTransfer(argv: string[], ctx: CliContext, operation: 'copy' | 'move'): Promise<number> {
  const args = parseCopyArgs(argv, operation);
  const overwrite = effectiveMode(args, ctx);
  const rateLimit = rateLimitFrom(args.limitRate, ctx);
  const engine = openEngine(ctx, args.db);
  try {
    const session = new CopySession(ctx, { json: args.json, prompting: overwrite === 'prompt' }, engine);
    const { jobId } = await engine.startCopy({
      operation, verify: args.verify,
      sources: args.paths.slice(0, -1).map((p) => resolveFrom(ctx, p)),
      destination: resolveFrom(ctx, args.paths[args.paths.length - 1]!),
      overwrite, useIndex: args.useIndex, concurrency: args.concurrency, rateLimit, replacedToTrash: args.replacedToTrash,
    }, { onEvent: session.onEvent });
    return await session.run(jobId);
  } finally {
    engine.close();
  }
}

export function resolveFrom(ctx: CliContext, p: string): string {
  return path.resolve(ctx.cwd, p);
}

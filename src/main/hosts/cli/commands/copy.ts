import * as path from 'node:path';
import { FerryError } from '../../../../shared/errors';
import { OVERWRITE_MODES, isOverwriteMode } from '../../../../shared/overwrite-modes';
import type { OverwriteMode } from '../../../../shared/types';
import { openLibrary } from '../../../engine/db/library';
import { JobManager } from '../../../engine/jobs/job-manager';
import { CopyService } from '../../../engine/copy/copy-service';
import { dbPathFrom, rateLimitFrom, type CliContext, type Command, libraryOptions } from '../context';
import { CopySession } from '../copy-session';

const HELP = `Usage: ferry copy [--overwrite skip|replace|prompt|skip-newer|keep-both] [--json] [--db PATH]
                  [--no-index] [--concurrency N] [--limit-rate RATE] SOURCE... DEST

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
  paths: string[];
}

export function parseCopyArgs(args: string[]): CopyArgs {
  const out: CopyArgs = { json: false, useIndex: true, paths: [] };
  const value = (i: number, flag: string): string => {
    const v = args[i];
    if (v === undefined) throw new FerryError('INVALID_INPUT', `${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const raw = args[i]!;
    if (raw === '--') { out.paths.push(...args.slice(i + 1)); break; }
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const take = () => inline ?? value(++i, flag);
    switch (flag) {
      case '--overwrite': {
        const mode = take();
        if (!isOverwriteMode(mode)) throw new FerryError('INVALID_INPUT', `--overwrite must be one of ${OVERWRITE_MODES.join(', ')}`);
        out.overwrite = mode;
        break;
      }
      case '--json': out.json = true; break;
      case '--no-index': out.useIndex = false; break;
      case '--db': out.db = take(); break;
      case '--concurrency': {
        const n = Number(take());
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new FerryError('INVALID_INPUT', '--concurrency must be a whole number from 1 to 64');
        out.concurrency = n;
        break;
      }
      case '--limit-rate': out.limitRate = take(); break;
      default:
        if (raw.startsWith('-') && raw !== '-') throw new FerryError('INVALID_INPUT', `unknown option ${raw} (a path starting with "-" goes after --)`);
        out.paths.push(raw);
    }
  }
  if (out.paths.length < 2) throw new FerryError('INVALID_INPUT', 'give at least one SOURCE and a DEST folder (see ferry copy --help)');
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
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const args = parseCopyArgs(argv);
    const overwrite = effectiveMode(args, ctx);
    const rateLimit = rateLimitFrom(args.limitRate, ctx);
    const dbFile = dbPathFrom(args.db, ctx);
    const db = openLibrary(dbFile, libraryOptions(ctx));
    const jobs = new JobManager(db);
    try {
      jobs.recoverInterrupted();
      const service = new CopyService({ db, dbFile, jobs });
      const session = new CopySession(ctx, { json: args.json, prompting: overwrite === 'prompt' });
      const handle = await service.start({
        sources: args.paths.slice(0, -1).map((p) => resolveFrom(ctx, p)),
        destination: resolveFrom(ctx, args.paths[args.paths.length - 1]!),
        overwrite, useIndex: args.useIndex, concurrency: args.concurrency, rateLimit, onEvent: session.onEvent,
      });
      return await session.run(handle);
    } finally {
      jobs.close();
      db.close();
    }
  },
};

function resolveFrom(ctx: CliContext, p: string): string {
  return path.resolve(ctx.cwd, p);
}

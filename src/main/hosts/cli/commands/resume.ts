import { FerryError } from '../../../../shared/errors';
import { openLibrary } from '../../../engine/db/library';
import { JobManager } from '../../../engine/jobs/job-manager';
import { CopyService } from '../../../engine/copy/copy-service';
import type { CopyJobConfig } from '../../../engine/copy/copy-job';
import { dbPathFrom, rateLimitFrom, type CliContext, type Command, libraryOptions } from '../context';
import { CopySession } from '../copy-session';

const HELP = `Usage: ferry resume [--json] [--db PATH] [--limit-rate RATE] JOB_ID

Resumes an interrupted copy (Ctrl-C, a crash, a full disk, answers that stopped coming): files already
copied (same size and modification time at the destination) are not copied again. The events are the
same as ferry copy's, starting with resumeDetected. \`ferry jobs\` lists the jobs, interrupted ones first.
A job that asked about conflicts asks again on a terminal or, with --json, reads answers from stdin.
The job keeps its speed limit unless --limit-rate gives a new one (0 lifts it; see ferry copy --help).

Exit codes: 0 done, 1 done but some files failed, 2 unknown or finished job, 3 interrupted again.
`;

export const command: Command = {
  help: HELP,
  async run(argv: string[], ctx: CliContext): Promise<number> {
    let json = false;
    let db: string | undefined;
    let limitRate: string | undefined;
    const ids: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '--json') json = true;
      else if (a === '--db') db = argv[++i];
      else if (a.startsWith('--db=')) db = a.slice(5);
      else if (a === '--limit-rate') limitRate = argv[++i] ?? '';
      else if (a.startsWith('--limit-rate=')) limitRate = a.slice('--limit-rate='.length);
      else if (a.startsWith('-')) throw new FerryError('INVALID_INPUT', `unknown option ${a}`);
      else ids.push(a);
    }
    if (ids.length !== 1) throw new FerryError('INVALID_INPUT', 'give one JOB_ID (see ferry jobs)');
    // Only an explicit flag overrides the job's own limit ($FERRY_LIMIT_RATE is for new copies).
    const rateLimit = limitRate !== undefined ? rateLimitFrom(limitRate, ctx) : undefined;
    const dbFile = dbPathFrom(db, ctx);
    const library = openLibrary(dbFile, libraryOptions(ctx));
    const jobs = new JobManager(library);
    try {
      const id = resolveJobId(jobs, ids[0]!);
      const config = jobs.store.get(id)?.config as unknown as CopyJobConfig | undefined;
      let prompting = config?.overwrite === 'prompt';
      const terminal = ctx.stdout.isTTY === true && ctx.stdin.isTTY === true;
      if (prompting && !terminal && !json) {
        throw new FerryError('PROMPT_IMPOSSIBLE', 'this job asks about conflicts: resume it on a terminal or with --json');
      }
      prompting = prompting && (terminal || json);
      const session = new CopySession(ctx, { json, prompting });
      const handle = await new CopyService({ db: library, dbFile, jobs }).resume(id, session.onEvent, { rateLimit });
      return await session.run(handle);
    } finally {
      jobs.close();
      library.close();
    }
  },
};

/** A full id, or an unambiguous prefix of one (ids are UUIDs; people paste the first few characters). */
function resolveJobId(jobs: JobManager, given: string): string {
  if (jobs.store.get(given)) return given;
  const matches = jobs.store.list({ includeChildren: false }).filter((j) => j.id.startsWith(given) && j.kind === 'copy');
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length > 1) throw new FerryError('INVALID_INPUT', `${given} matches several jobs; give more of the id`);
  throw new FerryError('JOB_NOT_FOUND', `No copy job with id ${given}`);
}

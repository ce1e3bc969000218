import { FerryError } from '../../../../shared/errors';
import { parseCommandArgs } from '../args';
import { openEngine, rateLimitFrom, type CliContext, type Command } from '../context';
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
    const { values, positionals: ids } = parseCommandArgs(argv, {
      command: 'resume',
      positionals: true,
      options: { json: { type: 'boolean' }, db: { type: 'string' }, 'limit-rate': { type: 'string' } },
    });
    const json = values.json === true;
    if (ids.length !== 1) throw new FerryError('INVALID_INPUT', 'give one JOB_ID (see ferry jobs)');
    // Only an explicit flag overrides the job's own limit ($FERRY_LIMIT_RATE is for new copies).
    const rateLimit = values['limit-rate'] !== undefined ? rateLimitFrom(values['limit-rate'], ctx) : undefined;
    const engine = openEngine(ctx, values.db);
    try {
      const id = engine.findJob(ids[0]!, ['copy', 'move']).id;
      let prompting = engine.savedCopy(id).config.overwrite === 'prompt';
      const terminal = ctx.stdout.isTTY === true && ctx.stdin.isTTY === true;
      if (prompting && !terminal && !json) {
        throw new FerryError('PROMPT_IMPOSSIBLE', 'this job asks about conflicts: resume it on a terminal or with --json');
      }
      prompting = prompting && (terminal || json);
      const session = new CopySession(ctx, { json, prompting }, engine);
      const { jobId } = await engine.resumeJob({ jobId: id, rateLimit }, { onEvent: session.onEvent });
      return await session.run(jobId);
    } finally {
      engine.close();
    }
  },
};

import * as path from 'node:path';
import { FerryError } from '../../../../shared/errors';
import type { EventOf, FerryEvent } from '../../../../shared/events';
import { parseCommandArgs } from '../args';
import { EXIT, openEngine, type CliContext, type Command } from '../context';
import { formatCount } from '../format';

const HELP = `Usage: ferry rm [--json] [--db PATH] PATH...

Deletes each PATH permanently (files, folders with everything in them, links — never a link's target):
nothing goes to the Trash. Refused before anything is deleted: "/", your home folder, a location of the
library (remove it first: ferry locations --remove PATH) and a PATH that does not exist.
Ctrl+C stops between two items: what is deleted is gone, the rest stays whole.

  --json     one event per line on stdout (initialEstimate with "operation":"delete", discoveryComplete,
             progress, fileFailed, completed), counted in items: files, links and folders
  --db PATH  the library database (default $FERRY_DB, else ~/.local/share/ferry/library.db)

Exit codes: 0 deleted, 1 some items could not be deleted (each is reported), 2 refused (nothing deleted),
3 stopped.
`;

export const command: Command = {
  help: HELP,
  async run(args: string[], ctx: CliContext): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      command: 'rm',
      positionals: true,
      unknownHint: 'a path starting with "-" goes after --',
      options: { db: { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals.length === 0) throw new FerryError('INVALID_INPUT', 'give at least one PATH to delete (see ferry rm --help)');
    const engine = openEngine(ctx, values.db);
    let finished!: (e: EventOf<'completed'>) => void;
    const completed = new Promise<EventOf<'completed'>>((resolve) => { finished = resolve; });
    const onEvent = (e: FerryEvent) => {
      if (values.json) ctx.stdout.write(`${JSON.stringify(e)}\n`);
      else if (e.type === 'fileFailed') ctx.stderr.write(`ferry rm: could not delete ${e.path}: ${e.message} (${e.code})\n`);
      if (e.type === 'completed') finished(e);
    };
    let jobId: string | null = null;
    const stop = () => { if (jobId) void engine.cancelJob({ jobId }); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    try {
      ({ jobId } = await engine.deleteItems({ paths: positionals.map((p) => path.resolve(ctx.cwd, p)) }, { onEvent }));
      const end = await completed;
      if (!values.json) {
        const items = `${formatCount(end.copiedFiles)} item${end.copiedFiles === 1 ? '' : 's'}`;
        if (end.status === 'done') ctx.stdout.write(`Deleted ${items}${end.failedFiles ? `; ${end.message ?? ''}` : ''}\n`);
        else ctx.stderr.write(`ferry rm: ${end.message ?? end.status}\n`);
      }
      if (end.status === 'done') return end.failedFiles > 0 ? EXIT.FILE_FAILURES : EXIT.OK;
      return end.status === 'failed' ? EXIT.INTERNAL : EXIT.INTERRUPTED;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      engine.close();
    }
  },
};

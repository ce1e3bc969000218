import { FerryError } from '../../../../shared/errors';
import type { HistoryEntrySummary } from '../../../../shared/history';
import { parseCommandArgs } from '../args';
import { EXIT, withEngine, type CliContext, type Command } from '../context';
import { formatAgo, formatTable } from '../format';
import { displayPath } from './locations';

const HELP = `Usage: ferry history [--json] [--limit N] [--db PATH]

Lists the operations Ferry can undo and redo, newest first: what \`ferry undo\` (and Ctrl+Z in the app)
undoes next, and what \`ferry redo\` (Ctrl+Shift+Z) redoes next. Shared by every Ferry window and process.

  --json       { undo, redo, entries, revision } as JSON
  --limit N    show at most N operations (default 20)
  --db PATH    the library database (default $FERRY_DB, else ~/.local/share/ferry/library.db)
`;

export const command: Command = {
  help: HELP,
  async run(args: string[], ctx: CliContext): Promise<number> {
    const { values } = parseCommandArgs(args, {
      command: 'history', options: { db: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } },
    });
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new FerryError('INVALID_INPUT', '--limit must be a whole number from 1 to 1000');
    return withEngine(ctx, values.db, async (engine) => {
      const state = await engine.history({ limit });
      if (values.json) {
        ctx.stdout.write(`${JSON.stringify(state, null, 2)}\n`);
      } else if (state.entries.length === 0) {
        ctx.stdout.write('Nothing to undo.\n');
      } else {
        ctx.stdout.write(historyTable(state.entries, state.undo?.id, state.redo?.id));
      }
      return EXIT.OK;
    });
  },
};

function historyTable(entries: HistoryEntrySummary[], undoId: number | undefined, redoId: number | undefined, now = Date.now()): string {
  const next = (e: HistoryEntrySummary) => (e.id === undoId ? 'ferry undo' : e.id === redoId ? 'ferry redo' : '');
  return formatTable(
    ['OPERATION', 'STATE', 'WHEN', 'WHERE', 'NEXT'],
    entries.map((e) => [e.label, e.state, formatAgo(e.updatedAt, now), where(e), next(e)]),
  );
}

function where(e: HistoryEntrySummary): string {
  const first = e.paths[0];
  if (first === undefined) return '';
  return e.itemCount > 1 ? `${displayPath(first)} +${e.itemCount - 1} more` : displayPath(first);
}

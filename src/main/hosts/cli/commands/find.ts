import { FerryError } from '../../../../shared/errors';
import { DEFAULT_FIND_LIMIT, MAX_FIND_LIMIT } from '../../../../shared/find-limits';
import { parseCommandArgs } from '../args';
import { EXIT, withEngine, type CliContext, type Command } from '../context';
import { formatCount } from '../format';
import { displayPath } from './locations';

const HELP = `Usage: ferry find [--json] [--limit N] [--db PATH] TEXT

Finds files and folders by name across every location, from the library index (no disk walk): names that
contain TEXT, case-insensitive, best first — the whole name, then names starting with it, then a word in
them, then anywhere; shorter paths first. One character finds the names that start with it. Says when
folders of the results changed on disk after their last index (what the index may have missed: run
\`ferry index\` on the location again).

  --json      the result as one JSON object: matches (path, folder, name, kind, size, mtimeMs, rank,
              folderChanged), total, changedFolders, unindexedLocations, tookMs
  --limit N   at most N results (default ${DEFAULT_FIND_LIMIT}, at most ${MAX_FIND_LIMIT})
  --db PATH   the library database (default $FERRY_DB, else ~/.local/share/ferry/library.db)

Exit status: 0 when something was found, 1 when nothing was.

Examples:
  ferry find invoice
  ferry find --limit 500 .pdf
  ferry find --json report | jq -r '.matches[].path'
`;

export const command: Command = {
  help: HELP,
  async run(args: string[], ctx: CliContext): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      command: 'find',
      options: { db: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } },
      positionals: true,
    });
    if (positionals.length === 0 || positionals.join(' ').trim() === '') {
      throw new FerryError('INVALID_INPUT', 'give the text to find (see ferry find --help)');
    }
    const limit = values.limit === undefined ? DEFAULT_FIND_LIMIT : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FIND_LIMIT) {
      throw new FerryError('INVALID_INPUT', `--limit takes a whole number from 1 to ${MAX_FIND_LIMIT}, not '${values.limit}'`);
    }
    return withEngine(ctx, values.db, async (engine) => {
      // Several operands are one text: `ferry find old report` finds "old report.pdf".
      const found = await engine.findInLibrary({ text: positionals.join(' '), limit });
      if (values.json) {
        ctx.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
        return found.matches.length > 0 ? EXIT.OK : EXIT.FILE_FAILURES;
      }
      for (const m of found.matches) ctx.stdout.write(`${displayPath(m.path)}${m.kind === 'dir' ? '/' : ''}\n`);
      const notes: string[] = [];
      if (found.total > found.matches.length) {
        notes.push(`${formatCount(found.matches.length)} of ${formatCount(found.total)} matches shown (--limit N for more)`);
      }
      if (found.changedFolders > 0) {
        notes.push(`not yet indexed: ${formatCount(found.changedFolders)} folder${found.changedFolders === 1 ? '' : 's'} changed since (ferry index LOCATION to update)`);
      }
      if (found.unindexedLocations > 0) notes.push(`${formatCount(found.unindexedLocations)} location(s) still being indexed for the first time`);
      if (found.matches.length === 0) notes.unshift('Nothing found in the library');
      // Notes go to stderr: stdout stays one path a line, for pipes.
      for (const n of notes) ctx.stderr.write(`ferry find: ${n}\n`);
      return found.matches.length > 0 ? EXIT.OK : EXIT.FILE_FAILURES;
    });
  },
};

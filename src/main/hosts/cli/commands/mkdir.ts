import * as path from 'node:path';
import { FerryError } from '../../../../shared/errors';
import { parseCommandArgs } from '../args';
import { EXIT, withEngine, type CliContext, type Command } from '../context';

const HELP = `Usage: ferry mkdir [--json] [--db PATH] PATH...
       ferry mkdir --new [--json] [--db PATH] FOLDER

Creates each folder PATH (its parent must exist; an existing name is refused). With --new, creates
"New Folder" in FOLDER, or "New Folder 2", "New Folder 3"… when taken, as the app's New Folder does.
Prints each created path.

  --new      a new folder named as the app names it, inside FOLDER
  --json     print {"path": CREATED} lines instead of the paths
  --db PATH  the library database (default $FERRY_DB, else ~/.local/share/ferry/library.db)

Exit codes: 0 created, 2 refused (an invalid or taken name, a missing parent).
`;

export const command: Command = {
  help: HELP,
  async run(args: string[], ctx: CliContext): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      command: 'mkdir',
      positionals: true,
      unknownHint: 'a path starting with "-" goes after --',
      options: { db: { type: 'string' }, json: { type: 'boolean' }, new: { type: 'boolean' } },
    });
    if (positionals.length === 0) throw new FerryError('INVALID_INPUT', 'give the folder to create (see ferry mkdir --help)');
    if (values.new && positionals.length !== 1) throw new FerryError('INVALID_INPUT', '--new takes one FOLDER to create the new folder in');
    const say = (p: string) => ctx.stdout.write(values.json ? `${JSON.stringify({ path: p })}\n` : `${p}\n`);
    return withEngine(ctx, values.db, async (engine) => {
      if (values.new) {
        say((await engine.createFolder({ parent: path.resolve(ctx.cwd, positionals[0]!) })).path);
        return EXIT.OK;
      }
      for (const given of positionals) {
        const full = path.resolve(ctx.cwd, given);
        say((await engine.createFolder({ parent: path.dirname(full), name: path.basename(full) })).path);
      }
      return EXIT.OK;
    });
  },
};

import * as path from 'node:path';
import { FerryError } from '../../../../shared/errors';
import { parseCommandArgs } from '../args';
import { EXIT, withEngine, type CliContext, type Command } from '../context';

const HELP = `Usage: ferry rename [--json] [--db PATH] PATH NEWNAME

Renames PATH in its folder to NEWNAME (a name, not a path), as the app does: never over an existing
item, and a change of case alone works on case-insensitive file systems (vfat, exFAT, NTFS, APFS).
Refused, with why: an empty name, "/", NUL, "." or "..", a name over 255 bytes, a name already taken.

  --json     print {"path": NEW_PATH} instead of the new path
  --db PATH  the library database (default $FERRY_DB, else ~/.local/share/ferry/library.db)

Exit codes: 0 renamed, 2 refused (nothing changed).

Examples:
  ferry rename ~/Photos/IMG_0001.jpg "Beach.jpg"
  ferry rename report.txt Report.txt
`;

export const command: Command = {
  help: HELP,
  async run(args: string[], ctx: CliContext): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      command: 'rename',
      positionals: true,
      unknownHint: 'a path or name starting with "-" goes after --',
      options: { db: { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals.length !== 2) throw new FerryError('INVALID_INPUT', 'give the PATH and its NEWNAME (see ferry rename --help)');
    const [item, newName] = positionals as [string, string];
    return withEngine(ctx, values.db, async (engine) => {
      const { path: renamed } = await engine.renameItem({ path: path.resolve(ctx.cwd, item), newName });
      ctx.stdout.write(values.json ? `${JSON.stringify({ path: renamed })}\n` : `${renamed}\n`);
      return EXIT.OK;
    });
  },
};

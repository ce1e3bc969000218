import * as path from 'node:path';
import { FerryError } from '../../../../shared/errors';
import type { Location } from '../../../../shared/types';
import { parseCommandArgs } from '../args';
import { EXIT, withEngine, type CliContext, type Command } from '../context';
import { formatAgo, formatBytes, formatCount, formatTable } from '../format';

const HELP = `Usage: ferry locations [--json] [--unreadable] [--db PATH]
       ferry locations --remove PATH [--db PATH]

Lists the library's locations: each folder's indexed files and size, when it was last indexed, and how
many of its folders the last index could not read.

  --json         the locations as a JSON array (with each one's rules)
  --unreadable   also list the folders the last index could not read, and why
  --remove PATH  remove the location PATH from the library (its index only: no file is touched)
  --db PATH      the library database (default $FERRY_DB, else ~/.local/share/ferry/library.db)

Examples:
  ferry locations
  ferry locations --json | jq '.[].path'
  ferry locations --remove ~/old-projects
`;

export const command: Command = {
  help: HELP,
  async run(args: string[], ctx: CliContext): Promise<number> {
    const { values } = parseCommandArgs(args, {
      command: 'locations',
      options: { db: { type: 'string' }, json: { type: 'boolean' }, unreadable: { type: 'boolean' }, remove: { type: 'string' } },
    });
    return withEngine(ctx, values.db, async (engine) => {
      if (values.remove !== undefined) {
        const folder = path.resolve(ctx.cwd, values.remove);
        const location = engine.findLocation(folder);
        if (!location) throw new FerryError('LOCATION_NOT_FOUND', `${folder} is not a location (see ferry locations)`);
        await engine.removeLocation({ id: location.id });
        const files = `${formatCount(location.fileCount)} indexed file${location.fileCount === 1 ? '' : 's'}`;
        ctx.stdout.write(`Removed the location ${displayPath(location.path)} (${files}; nothing on disk was touched)\n`);
        return EXIT.OK;
      }
      const locations = await engine.listLocations({});
      if (values.json) {
        const out = values.unreadable
          ? locations.map((l) => ({ ...l, unreadable: engine.unreadableFolders(l.id) }))
          : locations;
        ctx.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return EXIT.OK;
      }
      if (locations.length === 0) {
        ctx.stdout.write('No locations yet. Add one with: ferry index PATH\n');
        return EXIT.OK;
      }
      ctx.stdout.write(locationTable(locations));
      if (values.unreadable) {
        for (const l of locations) {
          for (const e of engine.unreadableFolders(l.id)) ctx.stdout.write(`unreadable: ${displayPath(path.join(l.path, e.relativePath))}: ${e.code}\n`);
        }
      }
      return EXIT.OK;
    });
  },
};

export function locationTable(locations: Location[], now = Date.now()): string {
  return formatTable(
    ['PATH', 'FILES', 'SIZE', 'INDEXED', 'UNREADABLE'],
    locations.map((l) => [
      displayPath(l.path), formatCount(l.fileCount), formatBytes(l.totalBytes), formatAgo(l.lastIndexedAt, now), formatCount(l.unreadableCount),
    ]),
    new Set([1, 2, 4]),
  );
}

/** A path on one table line: control characters (a newline is legal in a name) shown as escapes. */
export function displayPath(p: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  // eslint-disable-next-line no-control-regex
  return p.replace(/[\x00-\x1f\x7f]/g, (c) => named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

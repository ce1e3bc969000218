import * as path from 'node:path';
import { FerryError } from '../../../../shared/errors';
import type { RestoreConflict, TrashedItem } from '../../../../shared/trash';
import { parseCommandArgs } from '../args';
import { EXIT, withEngine, type CliContext, type Command } from '../context';
import { formatAgo, formatBytes, formatTable } from '../format';
import { displayPath } from './locations';
import { pickTrashed } from './trash-pick';

const HELP = `Usage: ferry trash PATH...
       ferry trash --list [--json]
       ferry trash --restore ITEM... [--keep-both | --replace | --skip]
       ferry trash --delete ITEM...
       ferry trash --empty

Moves files and folders to the trash, the one every Linux desktop shares (the freedesktop.org Trash: what
GNOME Files, KDE's Dolphin and \`gio trash\` use). An item goes to the trash of its own file system (your home
trash, or the .Trash-UID folder at the top of another disk): a rename, instant whatever its size. On macOS
and Windows the CLI uses the same freedesktop.org layout under ~/.local/share/Trash (the app uses the
system's own Trash there).

  --list       list what is in the trash: name, original place, when it was trashed, size
  --json       with --list: a JSON array (id, name, originalPath, deletedAt, kind, size, trashDir);
               when trashing: the items trashed and those that could not be, as JSON
  --restore    put ITEMs back where they were (folders above them made again). An ITEM is a name, an
               original path, or an id from --list --json
  --keep-both  a restored item whose place is taken comes back beside it ("name 2.txt")
  --replace    a restored item whose place is taken replaces what is there (which goes to the trash)
  --skip       a restored item whose place is taken stays in the trash
               (none of the three: such an item stays and ferry says so, exit code 1)
  --delete     remove ITEMs from the trash for good
  --empty      remove everything in every trash folder for good

Exit codes: 0 done, 1 some items could not be trashed or restored (each one said on stderr), 2 bad input.

Examples:
  ferry trash old-notes.txt build/
  ferry trash --list
  ferry trash --restore old-notes.txt
  ferry trash --restore ~/src/build --keep-both
  ferry trash --list --json | jq -r '.[] | select(.size > 1e9) | .id' | xargs -d '\\n' ferry trash --delete
`;

export const command: Command = {
  help: HELP,
  async run(args: string[], ctx: CliContext): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      command: 'trash',
      positionals: true,
      options: {
        db: { type: 'string' }, json: { type: 'boolean' }, list: { type: 'boolean' }, restore: { type: 'boolean' },
        delete: { type: 'boolean' }, empty: { type: 'boolean' },
        'keep-both': { type: 'boolean' }, replace: { type: 'boolean' }, skip: { type: 'boolean' },
      },
    });
    const modes = (['list', 'restore', 'delete', 'empty'] as const).filter((m) => values[m]);
    if (modes.length > 1) throw new FerryError('INVALID_INPUT', `--${modes[0]} and --${modes[1]} do not go together (see ferry trash --help)`);
    const mode = modes[0] ?? 'trash';
    const answers = (['keep-both', 'replace', 'skip'] as const).filter((a) => values[a]);
    if (answers.length > 1) throw new FerryError('INVALID_INPUT', `--${answers[0]} and --${answers[1]} do not go together`);
    if (answers.length > 0 && mode !== 'restore') throw new FerryError('INVALID_INPUT', `--${answers[0]} goes with --restore`);
    const needsItems = mode === 'trash' || mode === 'restore' || mode === 'delete';
    if (needsItems && positionals.length === 0) throw new FerryError('INVALID_INPUT', 'Name at least one item (see ferry trash --help)');
    if (!needsItems && positionals.length > 0) throw new FerryError('INVALID_INPUT', `--${mode} takes no operand ('${positionals[0]}')`);
    return withEngine(ctx, values.db, async (engine) => {
      switch (mode) {
        case 'trash': {
          const result = await engine.trashItems({ paths: positionals.map((p) => path.resolve(ctx.cwd, p)) });
          if (values.json) ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          else if (result.items.length > 0) ctx.stdout.write(`Moved ${countOf(result.items.length)} to the trash\n`);
          for (const f of result.failed) ctx.stderr.write(`ferry trash: ${f.message}\n`);
          return result.failed.length > 0 ? EXIT.FILE_FAILURES : EXIT.OK;
        }
        case 'list': {
          const items = await engine.listTrash({});
          if (values.json) ctx.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
          else ctx.stdout.write(items.length === 0 ? 'The trash is empty.\n' : trashTable(items));
          return EXIT.OK;
        }
        case 'restore': {
          const items = await engine.listTrash({});
          const picked = positionals.map((p) => pickTrashed(items, p, ctx.cwd));
          const onConflict: RestoreConflict = answers[0] ?? 'ask';
          const result = await engine.restoreItems({ ids: picked.map((i) => i.id), onConflict });
          for (const r of result.restored) ctx.stdout.write(`Restored ${displayPath(r.path)}\n`);
          for (const c of result.conflicts) {
            ctx.stderr.write(`ferry trash: ${displayPath(c.path)} exists; left in the trash (restore it with --keep-both, --replace or --skip)\n`);
          }
          for (const r of result.replaced) ctx.stdout.write(`What was at ${displayPath(r.originalPath)} went to the trash\n`);
          return result.conflicts.length > 0 ? EXIT.FILE_FAILURES : EXIT.OK;
        }
        case 'delete': {
          const items = await engine.listTrash({});
          const picked = positionals.map((p) => pickTrashed(items, p, ctx.cwd));
          const { deleted } = await engine.deleteFromTrash({ ids: picked.map((i) => i.id) });
          ctx.stdout.write(`Deleted ${countOf(deleted)} from the trash for good\n`);
          return EXIT.OK;
        }
        case 'empty': {
          const { deleted } = await engine.emptyTrash({});
          ctx.stdout.write(deleted === 0 ? 'The trash was already empty.\n' : `Emptied the trash (${countOf(deleted)} deleted for good)\n`);
          return EXIT.OK;
        }
      }
    });
  },
};

const countOf = (n: number) => `${n} item${n === 1 ? '' : 's'}`;

export function trashTable(items: TrashedItem[], now = Date.now()): string {
  return formatTable(
    ['NAME', 'ORIGINAL PLACE', 'TRASHED', 'SIZE'],
    items.map((i) => [
      displayPath(i.name), displayPath(path.dirname(i.originalPath)), i.deletedAt === null ? '?' : formatAgo(i.deletedAt, now),
      i.size === null ? '' : formatBytes(i.size),
    ]),
    new Set([3]),
  );
}

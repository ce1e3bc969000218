import { FerryError } from '../../../shared/errors';
import { isDamagedLibraryError } from '../../engine/ferry-engine';
import * as path from 'node:path';
import { projectRoot } from '../../project-root';
import { EXIT, processContext, type CliContext, type Command } from './context';

export { exactProcessArgs } from './process-args';

/**
 * Commands load lazily: `ferry locations` should not pay for the copy engine's start-up, and `ferry --help`
 * (one line a command, from here) loads none of them.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading, as said above */
const COMMANDS: Record<string, { summary: string; load: () => Command }> = {
  copy: { summary: 'copy files and folders into a folder, starting at once from the index', load: () => require('./commands/copy').command as Command },
  index: { summary: 'add a location (or re-index it) with the default rules', load: () => require('./commands/index-location').command as Command },
  locations: { summary: 'list locations', load: () => require('./commands/locations').command as Command },
  find: { summary: 'find files by name across every location, from the index', load: () => require('./commands/find').command as Command },
  jobs: { summary: 'list jobs, interrupted ones first', load: () => require('./commands/jobs').command as Command },
  move: { summary: 'move files and folders into a folder: renamed on the same disk, else copied then removed', load: () => require('./commands/move').command as Command },
  resume: { summary: 'resume an interrupted copy or move', load: () => require('./commands/resume').command as Command },
  rename: { summary: 'rename a file or folder in its folder (never over another; case-only renames work)', load: () => require('./commands/rename').command as Command },
  mkdir: { summary: 'create a folder, or "New Folder" (2, 3…) with --new', load: () => require('./commands/mkdir').command as Command },
  rm: { summary: 'delete files and folders permanently (not to the Trash); refuses /, home and locations', load: () => require('./commands/rm').command as Command },
  serve: { summary: 'serve the UI and API on 127.0.0.1; prints the URL with its token', load: () => require('./commands/serve').command as Command },
};
/* eslint-enable @typescript-eslint/no-require-imports */

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return [
    'Usage: ferry COMMAND [OPTIONS]',
    '',
    'Ferry copies files progressively: it starts at once from its library index and discovers the rest while it copies.',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `ferry COMMAND --help` for a command\'s options.',
    'The library database is $FERRY_DB, else $XDG_DATA_HOME/ferry/library.db (~/.local/share/ferry/library.db).',
    '',
  ].join('\n');
}

export async function main(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    if (name === 'help' && args[0] && COMMANDS[args[0]]) {
      ctx.stdout.write(COMMANDS[args[0]]!.load().help);
      return EXIT.OK;
    }
    (name === undefined ? ctx.stderr : ctx.stdout).write(usage());
    return name === undefined ? EXIT.USAGE : EXIT.OK;
  }
  if (name === '--version' || name === '-V') {
    // package.json sits outside the TypeScript program: read at run time from the project root.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ctx.stdout.write(`ferry ${(require(path.join(projectRoot(), 'package.json')) as { version: string }).version}\n`);
    return EXIT.OK;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    ctx.stderr.write(`ferry: unknown command '${name}'. Run 'ferry --help' for the list.\n`);
    return EXIT.USAGE;
  }
  const command = entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    ctx.stdout.write(command.help);
    return EXIT.OK;
  }
  try {
    return await command.run(args, ctx);
  } catch (err) {
    if (err instanceof FerryError) {
      ctx.stderr.write(`ferry ${name}: ${err.message}\n`);
      return EXIT.USAGE;
    }
    if (isDamagedLibraryError(err)) {
      // Damage the opening check could not see (deeper in a table): what it is and what to do, no stack.
      ctx.stderr.write(`ferry ${name}: the library database is damaged (${(err as Error).message}). `
        + 'Move it aside (see --db and $FERRY_DB for where it is) and run ferry again: it starts a fresh library.\n');
      return EXIT.INTERNAL;
    }
    throw err;
  }
}

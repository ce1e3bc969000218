import * as path from 'node:path';
import { FerryError } from '../../../../shared/errors';
import { DEFAULT_INDEX_RULES, type IndexRules } from '../../../../shared/index-rules';
import type { Location } from '../../../../shared/types';
import type { IndexProgress } from '../../../engine/ferry-engine';
import { parseCommandArgs } from '../args';
import { EXIT, openEngine, type CliContext, type Command } from '../context';
import { formatBytes, formatCount, formatDuration, LiveLine } from '../format';

const HELP = `Usage: ferry index [OPTIONS] PATH

Adds the folder PATH to the library as a location and indexes it; if PATH already is a location, indexes
it again (new files added, changed ones updated, vanished ones removed). Copies from an indexed
location start at once. A folder inside a location is already indexed by it: index the location.
Adding a folder that contains locations absorbs them into the new one.

Each rule below is on by default and stays as set for the location's next re-index:
  --no-hidden-rule        also index hidden entries (names starting with ".")
  --no-git-rule           also index .git folders
  --no-node-modules-rule  also index node_modules folders
  --no-system-rule        also index system files (.DS_Store, Thumbs.db, desktop.ini, $RECYCLE.BIN, …)
  --no-gitignore-rule     do not read .gitignore files (index what they exclude too)
  --ignore PATTERN        also leave out what PATTERN matches (.gitignore syntax, relative to PATH);
                          repeatable; replaces the location's previous --ignore patterns
  --default-rules         start again from the default rules (then apply the options above)

  --json                  print the location as JSON when done
  --db PATH               the library database (default $FERRY_DB, else ~/.local/share/ferry/library.db)

Examples:
  ferry index ~/Pictures
  ferry index --no-hidden-rule ~/projects/site
  ferry index --ignore '*.tmp' --ignore 'cache/' ~/work

Exit codes: 0 indexed, 2 invalid usage or PATH (nothing changed), 3 cancelled (Ctrl-C).
`;

const RULE_FLAGS = {
  'no-hidden-rule': 'skipHidden',
  'no-git-rule': 'skipGit',
  'no-node-modules-rule': 'skipNodeModules',
  'no-system-rule': 'skipSystemFiles',
  'no-gitignore-rule': 'respectGitignore',
} as const satisfies Record<string, keyof IndexRules>;

export interface IndexArgs {
  folder: string;
  rules: Partial<IndexRules> | undefined;
  json: boolean;
  db?: string;
}

export function parseIndexArgs(args: string[]): IndexArgs {
  const parsed = parseCommandArgs(args, {
    command: 'index',
    positionals: true,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean' },
      ignore: { type: 'string', multiple: true },
      'default-rules': { type: 'boolean' },
      ...Object.fromEntries(Object.keys(RULE_FLAGS).map((f) => [f, { type: 'boolean' as const }])),
    },
  });
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    throw new FerryError('INVALID_INPUT', positionals.length === 0
      ? 'give the folder to index (see ferry index --help)'
      : `give one folder to index, not ${positionals.length}`);
  }
  const rules: Partial<IndexRules> = values['default-rules'] ? { ...DEFAULT_INDEX_RULES } : {};
  const given = values as Record<string, unknown>;
  for (const [flag, rule] of Object.entries(RULE_FLAGS)) if (given[flag] === true) rules[rule] = false;
  if (values.ignore) rules.extraIgnores = values.ignore as string[];
  return {
    folder: positionals[0]!,
    rules: Object.keys(rules).length > 0 ? rules : undefined,
    json: values.json === true,
    db: values.db as string | undefined,
  };
}

export const command: Command = {
  help: HELP,
  async run(args: string[], ctx: CliContext): Promise<number> {
    const opts = parseIndexArgs(args);
    const engine = openEngine(ctx, opts.db);
    // With --json, stdout carries only the result: the live line (on a terminal) goes to stderr.
    const live = new LiveLine(opts.json ? ctx.stderr : ctx.stdout);
    const abort = new AbortController();
    // The first Ctrl-C stops the walk cleanly (what was written stays consistent); a second one quits.
    const onSigint = () => { if (abort.signal.aborted) process.exit(130); abort.abort(); };
    process.on('SIGINT', onSigint);
    const folder = path.resolve(ctx.cwd, opts.folder);
    const status = new IndexStatus(live, folder);
    try {
      const location = await engine.addLocation({ path: folder, rules: opts.rules }, {
        signal: abort.signal,
        onProgress: (p) => status.update(p),
        onAbsorbed: (absorbed) => status.note(absorbedMessage(absorbed)),
      });
      status.stop();
      // With --json, stdout is the location alone: notes go to stderr.
      for (const line of status.notes) (opts.json ? ctx.stderr : ctx.stdout).write(`${line}\n`);
      ctx.stdout.write(opts.json ? `${JSON.stringify(location)}\n` : `${summary(location, status.elapsedSeconds)}\n`);
      return EXIT.OK;
    } catch (err) {
      status.stop();
      // The indexer stops a cancelled walk with an AbortError (library-indexer.ts isAbort).
      if ((err as { name?: string } | null)?.name === 'AbortError') {
        ctx.stderr.write(`ferry index: cancelled; ${folder} keeps its previous index, partly refreshed\n`);
        return EXIT.INTERRUPTED;
      }
      throw err;
    } finally {
      process.off('SIGINT', onSigint);
      engine.close();
    }
  },
};

/** The live line on a terminal: redrawn on progress, and every half second so it never looks stuck. */
class IndexStatus {
  private last: IndexProgress = { entries: 0, files: 0, bytes: 0, entriesPerSecond: 0, done: false };
  private readonly startedAt = Date.now();
  private readonly timer: NodeJS.Timeout | null;
  readonly notes: string[] = [];

  constructor(private readonly live: LiveLine, private readonly folder: string) {
    this.timer = live.enabled ? setInterval(() => this.draw(true), 500) : null;
    this.timer?.unref();
    this.draw(true);
  }

  get elapsedSeconds(): number {
    return (Date.now() - this.startedAt) / 1000;
  }

  update(p: IndexProgress): void {
    this.last = p;
    this.draw(false);
  }

  note(line: string): void {
    this.notes.push(line);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.live.clear();
  }

  private draw(force: boolean): void {
    const p = this.last;
    const rate = p.entriesPerSecond > 0 ? `, ${formatCount(p.entriesPerSecond)} entries/s` : '';
    // Counts first: on a narrow terminal the line is cut at the end, and the path matters least.
    this.live.update(`Indexing: ${formatCount(p.entries)} entries, ${formatCount(p.files)} files, ${formatBytes(p.bytes)}${rate}, ${formatDuration(this.elapsedSeconds)} — ${this.folder}`, force);
  }
}

function summary(location: Location, seconds: number): string {
  const unreadable = location.unreadableCount > 0
    ? `; ${formatCount(location.unreadableCount)} unreadable folder${location.unreadableCount === 1 ? '' : 's'} skipped (see ferry locations)`
    : '';
  const time = seconds < 10 ? `${seconds.toFixed(1)} s` : formatDuration(seconds);
  const files = `${formatCount(location.fileCount)} file${location.fileCount === 1 ? '' : 's'}`;
  return `Indexed ${location.path}: ${files}, ${formatBytes(location.totalBytes)} in ${time}${unreadable}`;
}

function absorbedMessage(absorbed: Location[]): string {
  const n = absorbed.length;
  return `Absorbed ${n} location${n === 1 ? '' : 's'} inside it (now part of this one): ${absorbed.map((l) => l.path).join(', ')}`;
}

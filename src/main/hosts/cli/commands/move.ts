import type { Command } from '../context';
import { runTransfer } from './copy';

const HELP = `Usage: ferry move [--overwrite skip|replace|prompt|skip-newer|keep-both] [--json] [--verify] [--db PATH]
                  [--no-index] [--concurrency N] [--limit-rate RATE] [--replaced-to-trash] SOURCE... DEST

Moves each SOURCE (file, folder or symlink) into the folder DEST, as DEST/<name of SOURCE>.
On the same file system a SOURCE is renamed there at once, whatever its size; a folder meeting a folder of
the same name merges into it, entry by entry. Across file systems it is copied as \`ferry copy\` copies, and
each original file is removed as soon as its copy is in place with the same size and modification time;
source folders are removed once empty. At every moment each file is whole under its final name in at
least one place: an interrupted move loses nothing, and \`ferry resume JOB_ID\` finishes it.
What is skipped, fails, or cannot be removed (a read-only folder) stays where it was, with its folders;
special files (FIFOs, sockets) are skipped.

  --overwrite MODE   what to do when a file already exists at DEST (as ferry copy; the skipped original stays):
                       skip, replace, skip-newer, keep-both, prompt (default on a terminal; else skip)
  --json             one event per line on stdout (initialEstimate and completed say "operation":"move";
                     completed counts "originalsRemoved" and the SOURCEs "renamed" whole); with
                     --overwrite prompt, answers are read from stdin as in ferry copy
  --replaced-to-trash  a file the move replaces goes to the trash (see ferry trash --list), so it can be
                     restored (the app always does this)
  --verify           remove an original only when its copy also has the same content (SHA-256)
  --db PATH          the library database (default $FERRY_DB, else ~/.local/share/ferry/library.db)
  --no-index         do not use the library index: discover everything on disk
  --concurrency N    worker threads (default 2–4 by CPU count)
  --limit-rate RATE  copy at most RATE bytes a second across file systems, e.g. 20M; 0 for none

Refused, with nothing moved (exit 2): a missing SOURCE, DEST missing or not a folder, DEST inside a SOURCE,
a SOURCE already in DEST, two SOURCEs with the same name.
Exit codes: 0 done, 1 done but some files failed or could not be removed, 2 invalid usage (nothing moved),
3 interrupted or stopped (resume with \`ferry resume JOB_ID\`).
`;

export const command: Command = {
  help: HELP,
  run: (argv, ctx) => runTransfer(argv, ctx, 'move'),
};

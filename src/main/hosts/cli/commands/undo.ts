import { FerryError } from '../../../../shared/errors';
import type { HistoryStep } from '../../../../shared/history';
import { parseCommandArgs } from '../args';
import { EXIT, withEngine, type CliContext, type Command } from '../context';

const help = (verb: 'undo' | 'redo') => `Usage: ferry ${verb} [--json] [--db PATH]

${verb === 'undo'
    ? `Undoes the last operation done in Ferry (in the app or here): a rename is renamed back, a new folder and
the copies a copy created go to the Trash, a move is moved back, trashed items are restored.`
    : 'Redoes the operation undone last (a new operation since empties what can be redone).'}
The history is the library's, shared by every Ferry window and process. First Ferry checks that the disk
still matches: an item changed or removed since, or a name now taken, refuses the ${verb} with the reason
(exit 2) and nothing is changed. \`ferry history\` lists what can be undone and redone.

  --json       what was ${verb === 'undo' ? 'undone' : 'redone'} as JSON ({ entry, paths }), or the refusal ({ code, message, path })
  --db PATH    the library database (default $FERRY_DB, else ~/.local/share/ferry/library.db)
`;

function stepCommand(verb: 'undo' | 'redo'): Command {
  return {
    help: help(verb),
    async run(args: string[], ctx: CliContext): Promise<number> {
      const { values } = parseCommandArgs(args, { command: verb, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
      return withEngine(ctx, values.db, async (engine) => {
        let step: HistoryStep;
        try {
          step = await (verb === 'undo' ? engine.undo({}) : engine.redo({}));
        } catch (err) {
          // Without --json the refusal is the one line on stderr that every command prints (exit 2).
          if (!values.json || !(err instanceof FerryError)) throw err;
          ctx.stdout.write(`${JSON.stringify(err.toValue())}\n`);
          return EXIT.USAGE;
        }
        if (values.json) ctx.stdout.write(`${JSON.stringify(step)}\n`);
        else ctx.stdout.write(`${verb === 'undo' ? 'Undid' : 'Redid'} ${step.entry.label}\n`);
        return EXIT.OK;
      });
    },
  };
}

export const command = stepCommand('undo');
export const redoCommand = stepCommand('redo');

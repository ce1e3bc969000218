import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCommandArgs } from '../../src/main/hosts/cli/args';
import { FerryError } from '../../src/shared/errors';
import { tempDir } from '../helpers/tree';
import { ferry, libraryEnv } from '../helpers/ferry-cli';

const OPTIONS = {
  db: { type: 'string' }, json: { type: 'boolean' }, ignore: { type: 'string', multiple: true },
} as const;

/** What a command sees for each command line: its values and operands, or the one sentence refusing it. */
const CASES: { args: string[]; positionals?: boolean; values?: Record<string, unknown>; operands?: string[]; refused?: string }[] = [
  { args: ['--db', 'lib.db', '--json'], values: { db: 'lib.db', json: true }, operands: [] },
  { args: ['--db=lib.db'], values: { db: 'lib.db' }, operands: [] },
  { args: ['--db=-odd.db'], values: { db: '-odd.db' }, operands: [] },
  { args: ['--ignore', 'a', '--ignore', 'b'], values: { ignore: ['a', 'b'] }, operands: [] },
  { args: ['a', '--json', 'b'], positionals: true, values: { json: true }, operands: ['a', 'b'] },
  { args: ['--', '--json', '-'], positionals: true, values: {}, operands: ['--json', '-'] },
  { args: ['--db'], refused: 'option --db needs a value (see ferry test --help)' },
  { args: ['--db', '--json'], refused: 'option --db needs a value (see ferry test --help)' },
  { args: ['--json=yes'], refused: 'option --json takes no value (see ferry test --help)' },
  { args: ['--bogus'], refused: 'unknown option --bogus (see ferry test --help)' },
  { args: ['-x'], refused: 'unknown option -x (see ferry test --help)' },
  { args: ['stray'], refused: "unexpected argument 'stray' (see ferry test --help)" },
];

test('parseCommandArgs: values and operands, or one sentence saying what is wrong', () => {
  for (const c of CASES) {
    const what = c.args.join(' ');
    let parsed: ReturnType<typeof parseCommandArgs<typeof OPTIONS>> | undefined;
    let refusal: unknown;
    try {
      parsed = parseCommandArgs(c.args, { command: 'test', options: OPTIONS, positionals: c.positionals });
    } catch (err) {
      refusal = err;
    }
    if (c.refused !== undefined) {
      assert.ok(refusal instanceof FerryError, `${what}: refused with a FerryError`);
      assert.equal(refusal.code, 'INVALID_INPUT', what);
      assert.equal(refusal.message, c.refused, what);
    } else {
      assert.equal(refusal, undefined, `${what}: accepted`);
      assert.deepEqual({ ...parsed!.values }, c.values, what);
      assert.deepEqual(parsed!.positionals, c.operands, what);
    }
  }
});

test('an unknown option can say something more useful than --help (copy: paths starting with "-")', () => {
  assert.throws(() => parseCommandArgs(['--weird', 'DEST'], { command: 'copy', options: OPTIONS, positionals: true, unknownHint: 'a path starting with "-" goes after --' }),
    { message: 'unknown option --weird (a path starting with "-" goes after --)' });
});

test('ferry resume --db with no value is refused: exit 2, one sentence, no library created', () => {
  const { env, FERRY_DB } = libraryEnv();
  const cwd = tempDir('ferry-resume-db-');
  for (const args of [['resume', 'abc', '--db'], ['resume', '--db', '--json', 'abc']]) {
    const r = ferry(args, env, cwd);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr, 'ferry resume: option --db needs a value (see ferry resume --help)\n');
    assert.equal(r.stdout, '');
  }
  assert.equal(fs.existsSync(FERRY_DB), false);
  assert.deepEqual(fs.readdirSync(cwd), [], 'no library file named after the next argument');
  assert.equal(fs.existsSync(path.join(cwd, '--json')), false);
});

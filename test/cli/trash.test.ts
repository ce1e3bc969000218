import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ferry, libraryEnv } from '../helpers/ferry-cli';
import { tempDir, tree } from '../helpers/tree';
import type { TrashedItem } from '../../src/shared/trash';

/** bin/ferry with a home of its own: HOME and XDG_DATA_HOME in a temp folder, so no real trash is touched. */
function world() {
  const home = fs.realpathSync(tempDir('ferry-cli-trash-'));
  const env = { ...libraryEnv().env, HOME: home, XDG_DATA_HOME: path.join(home, 'data') };
  const trash = path.join(home, 'data', 'Trash');
  return { home, env, trash, run: (args: string[]) => ferry(['trash', ...args], env, home) };
}

test('ferry trash PATH... moves items to the home trash; --list shows them; --restore puts one back', () => {
  const { home, trash, run } = world();
  tree(home, { 'docs/a.txt': 'A', 'docs/b dir/c.txt': 'C' });
  const put = run(['docs/a.txt', path.join(home, 'docs/b dir')]);
  assert.equal(put.code, 0, put.stderr);
  assert.equal(put.stdout, 'Moved 2 items to the trash\n');
  assert.deepEqual(fs.readdirSync(path.join(home, 'docs')), []);
  assert.deepEqual(fs.readdirSync(path.join(trash, 'files')).sort(), ['a.txt', 'b dir']);

  const list = run(['--list']);
  assert.match(list.stdout, /^NAME\s+ORIGINAL PLACE\s+TRASHED\s+SIZE$/m);
  assert.match(list.stdout, new RegExp(`^a\\.txt\\s+${home}/docs\\s+`, 'm'));
  const json = JSON.parse(run(['--list', '--json']).stdout) as TrashedItem[];
  assert.deepEqual(json.map((i) => i.originalPath).sort(), [path.join(home, 'docs/a.txt'), path.join(home, 'docs/b dir')]);

  const back = run(['--restore', 'a.txt']);
  assert.equal(back.code, 0, back.stderr);
  assert.equal(back.stdout, `Restored ${path.join(home, 'docs/a.txt')}\n`);
  assert.equal(fs.readFileSync(path.join(home, 'docs/a.txt'), 'utf8'), 'A');
  const byId = json.find((i) => i.name === 'b dir')!.id;
  assert.equal(run(['--restore', byId]).code, 0);
  assert.equal(fs.readFileSync(path.join(home, 'docs/b dir/c.txt'), 'utf8'), 'C');
  assert.equal(run(['--list']).stdout, 'The trash is empty.\n');
});

test('a taken place on restore: said and left (exit 1) unless --keep-both, --replace or --skip', () => {
  const { home, run } = world();
  tree(home, { 'n.txt': 'trashed' });
  run(['n.txt']);
  fs.writeFileSync(path.join(home, 'n.txt'), 'newer');
  const refused = run(['--restore', 'n.txt']);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /n\.txt exists; left in the trash/);
  assert.equal(run(['--restore', 'n.txt', '--skip']).code, 0);
  const both = run(['--restore', 'n.txt', '--keep-both']);
  assert.equal(both.stdout, `Restored ${path.join(home, 'n 2.txt')}\n`);
  assert.equal(fs.readFileSync(path.join(home, 'n 2.txt'), 'utf8'), 'trashed');
  assert.equal(fs.readFileSync(path.join(home, 'n.txt'), 'utf8'), 'newer');
});

test('--delete and --empty remove for good; what cannot be trashed is said with exit 1, the rest goes', () => {
  const { home, trash, run } = world();
  tree(home, { 'x.txt': 'x', 'y.txt': 'y', 'z.txt': 'z' });
  const mixed = run(['x.txt', 'missing.txt', 'y.txt']);
  assert.equal(mixed.code, 1);
  assert.match(mixed.stderr, /^ferry trash: No such file or folder: .*missing\.txt$/m);
  assert.equal(mixed.stdout, 'Moved 2 items to the trash\n');
  assert.equal(run(['--delete', 'x.txt']).stdout, 'Deleted 1 item from the trash for good\n');
  assert.deepEqual(fs.readdirSync(path.join(trash, 'files')), ['y.txt']);
  run(['z.txt']);
  assert.equal(run(['--empty']).stdout, 'Emptied the trash (2 items deleted for good)\n');
  assert.deepEqual(fs.readdirSync(path.join(trash, 'files')), []);
  assert.deepEqual(fs.readdirSync(path.join(trash, 'info')), []);
});

test('usage errors exit 2 with one sentence', () => {
  const { run } = world();
  for (const [args, said] of [
    [[], /Name at least one item/],
    [['--list', '--empty'], /--list and --empty do not go together/],
    [['--keep-both', 'x'], /--keep-both goes with --restore/],
    [['--empty', 'x'], /--empty takes no operand/],
    [['--restore', 'never-trashed'], /Nothing in the trash is named never-trashed/],
  ] as [string[], RegExp][]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, said);
  }
  assert.match(ferry(['trash', '--help'], {}).stdout, /^Usage: ferry trash PATH\.\.\./);
});

test('ferry copy --replaced-to-trash: what the copy replaced is in the trash, and ferry trash --restore brings it back', () => {
  const { home, env, run } = world();
  tree(home, { 'src/a.txt': 'new', 'dest/a.txt': 'old' });
  const copy = ferry(['copy', '--overwrite', 'replace', '--replaced-to-trash', 'src/a.txt', 'dest'], env, home);
  assert.equal(copy.code, 0, copy.stderr);
  assert.equal(fs.readFileSync(path.join(home, 'dest/a.txt'), 'utf8'), 'new');
  const [item] = JSON.parse(run(['--list', '--json']).stdout) as TrashedItem[];
  assert.equal(item!.originalPath, path.join(home, 'dest/a.txt'));
  assert.equal(run(['--restore', 'dest/a.txt', '--replace']).code, 0);
  assert.equal(fs.readFileSync(path.join(home, 'dest/a.txt'), 'utf8'), 'old');
  const plain = ferry(['copy', '--overwrite', 'replace', 'src/a.txt', 'dest'], env, home);
  assert.equal(plain.code, 0, plain.stderr);
  assert.deepEqual((JSON.parse(run(['--list', '--json']).stdout) as TrashedItem[]).map((i) => fs.readFileSync(i.id, 'utf8')), ['new'],
    'without the flag nothing more goes to the trash (the "new" there is what the restore replaced)');
});

test('ferry move --replaced-to-trash: the file a move replaces goes to the trash, the moved one takes its name', () => {
  const { home, env, run } = world();
  tree(home, { 'from/m.txt': 'moved', 'to/m.txt': 'replaced' });
  const move = ferry(['move', '--overwrite', 'replace', '--replaced-to-trash', 'from/m.txt', 'to'], env, home);
  assert.equal(move.code, 0, move.stderr);
  assert.equal(fs.readFileSync(path.join(home, 'to/m.txt'), 'utf8'), 'moved');
  assert.equal(fs.existsSync(path.join(home, 'from/m.txt')), false);
  const items = JSON.parse(run(['--list', '--json']).stdout) as TrashedItem[];
  assert.deepEqual(items.map((i) => [i.originalPath, fs.readFileSync(i.id, 'utf8')]), [[path.join(home, 'to/m.txt'), 'replaced']]);
});

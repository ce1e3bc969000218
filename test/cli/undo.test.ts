import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openLibrary } from '../../src/main/engine/db/library';
import { historyOn } from '../helpers/history';
import { ferry, libraryEnv } from '../helpers/ferry-cli';
import { tempDir, tree } from '../helpers/tree';

/** a.txt renamed to b.txt and recorded in the library, as the app records a rename. */
function renamedInLibrary(FERRY_DB: string): string {
  const dir = tree(tempDir(), { 'a.txt': 'hello' });
  fs.renameSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
  const db = openLibrary(FERRY_DB);
  historyOn(db, FERRY_DB).recordRename(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
  db.close();
  return dir;
}

test('ferry undo undoes what another process recorded, ferry redo redoes it', () => {
  const { env, FERRY_DB } = libraryEnv();
  const dir = renamedInLibrary(FERRY_DB);
  const undo = ferry(['undo'], env);
  assert.equal(undo.code, 0, undo.stderr);
  assert.equal(undo.stdout, 'Undid Rename\n');
  assert.deepEqual(fs.readdirSync(dir), ['a.txt']);
  const redo = ferry(['redo', '--json'], env);
  assert.equal(redo.code, 0, redo.stderr);
  const step = JSON.parse(redo.stdout) as { entry: { label: string; state: string }; paths: string[] };
  assert.equal(step.entry.state, 'done');
  assert.deepEqual(step.paths, [path.join(dir, 'b.txt')]);
  assert.deepEqual(fs.readdirSync(dir), ['b.txt']);
});

test('ferry undo refuses with the reason and exit 2 when the disk no longer matches; nothing changes', () => {
  const { env, FERRY_DB } = libraryEnv();
  const dir = renamedInLibrary(FERRY_DB);
  fs.writeFileSync(path.join(dir, 'a.txt'), 'taken');
  const r = ferry(['undo'], env);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, `ferry undo: Can't undo Rename: the name “a.txt” is taken in “${path.basename(dir)}”\n`);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt', 'b.txt']);
  const json = ferry(['undo', '--json'], env);
  assert.equal(json.code, 2);
  assert.deepEqual(JSON.parse(json.stdout), {
    code: 'NAME_TAKEN', message: `Can't undo Rename: the name “a.txt” is taken in “${path.basename(dir)}”`, path: path.join(dir, 'a.txt'),
  });
});

test('ferry undo and redo with nothing to do say so (exit 2)', () => {
  const { env } = libraryEnv();
  const undo = ferry(['undo'], env);
  assert.equal(undo.code, 2);
  assert.equal(undo.stderr, 'ferry undo: There is nothing to undo\n');
  assert.equal(ferry(['redo'], env).stderr, 'ferry redo: There is nothing to redo\n');
});

test('ferry move, then ferry undo moves it back and ferry history shows it on the redo stack', () => {
  const { env } = libraryEnv();
  const src = tree(tempDir(), { 'a.txt': 'a', 'docs/b.txt': 'b' });
  const dest = tempDir();
  assert.equal(ferry(['move', path.join(src, 'a.txt'), path.join(src, 'docs'), dest], env).code, 0);
  assert.deepEqual(fs.readdirSync(src), []);
  const undo = ferry(['undo'], env);
  assert.equal(undo.code, 0, undo.stderr);
  assert.equal(undo.stdout, 'Undid Move of 2 Items\n');
  assert.deepEqual(fs.readdirSync(src).sort(), ['a.txt', 'docs']);
  assert.equal(fs.readFileSync(path.join(src, 'docs', 'b.txt'), 'utf8'), 'b');
  assert.deepEqual(fs.readdirSync(dest), []);
  assert.match(ferry(['history'], env).stdout, /Move of 2 Items\s+undone\s+.*ferry redo\n/);
});

/** bin/ferry with a home of its own (HOME and XDG_DATA_HOME in a temp folder: no real trash is touched). */
function homeWorld(): { home: string; env: NodeJS.ProcessEnv; trashFiles: string } {
  const home = fs.realpathSync(tempDir('ferry-cli-undo-'));
  return { home, env: { ...libraryEnv().env, HOME: home, XDG_DATA_HOME: path.join(home, 'data') }, trashFiles: path.join(home, 'data', 'Trash', 'files') };
}

test('ferry trash, then ferry undo restores the items; ferry redo trashes them again', () => {
  const { home, env, trashFiles } = homeWorld();
  tree(home, { 'docs/a.txt': 'A', 'docs/sub/c.txt': 'C' });
  const put = ferry(['trash', 'docs/a.txt', 'docs/sub'], env, home);
  assert.equal(put.code, 0, put.stderr);
  assert.deepEqual(fs.readdirSync(path.join(home, 'docs')), []);
  const undo = ferry(['undo'], env, home);
  assert.equal(undo.code, 0, undo.stderr);
  assert.equal(undo.stdout, 'Undid Move to Trash of 2 Items\n');
  assert.deepEqual(fs.readdirSync(path.join(home, 'docs')).sort(), ['a.txt', 'sub']);
  assert.equal(fs.readFileSync(path.join(home, 'docs/sub/c.txt'), 'utf8'), 'C');
  assert.deepEqual(fs.readdirSync(trashFiles), []);
  assert.equal(ferry(['redo'], env, home).code, 0);
  assert.deepEqual(fs.readdirSync(path.join(home, 'docs')), []);
  assert.deepEqual(fs.readdirSync(trashFiles).sort(), ['a.txt', 'sub']);
});

test('ferry copy --replaced-to-trash, then ferry undo: the copy goes to the Trash, the replaced file is back', () => {
  const { home, env, trashFiles } = homeWorld();
  tree(home, { 'src/a.txt': 'new', 'dest/a.txt': 'old' });
  const copy = ferry(['copy', '--overwrite', 'replace', '--replaced-to-trash', 'src/a.txt', 'dest'], env, home);
  assert.equal(copy.code, 0, copy.stderr);
  const undo = ferry(['undo'], env, home);
  assert.equal(undo.code, 0, undo.stderr);
  assert.equal(fs.readFileSync(path.join(home, 'dest/a.txt'), 'utf8'), 'old');
  assert.deepEqual(fs.readdirSync(trashFiles).map((n) => fs.readFileSync(path.join(trashFiles, n), 'utf8')), ['new']);
});

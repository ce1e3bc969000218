import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Location } from '../../src/shared/types';
import { openLibrary } from '../../src/main/engine/db/library';
import { tempDir, tree } from '../helpers/tree';
import { ferry, libraryEnv } from '../helpers/ferry-cli';

test('ferry locations lists each location with files, size, when indexed and unreadable folders', () => {
  const { env, FERRY_DB } = libraryEnv();
  assert.match(ferry(['locations'], env).stdout, /No locations yet\. Add one with: ferry index PATH/);
  const photos = tree(tempDir(), { 'a.jpg': 'x'.repeat(1500), 'b.jpg': 'y'.repeat(500) });
  const docs = tree(tempDir(), { 'n.txt': 'note' });
  assert.equal(ferry(['index', photos], env).code, 0);
  assert.equal(ferry(['index', docs], env).code, 0);
  // As if the last index of docs had met an unreadable folder.
  const db = openLibrary(FERRY_DB);
  db.prepare("INSERT INTO index_errors (location_id, relative_path, code, message) SELECT id, 'private', 'EACCES', 'Permission denied' FROM locations WHERE path = ?")
    .run(fs.realpathSync(docs));
  db.close();

  const r = ferry(['locations'], env);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^PATH\s+FILES\s+SIZE\s+INDEXED\s+UNREADABLE$/);
  const row = (p: string) => lines.find((l) => l.startsWith(`${fs.realpathSync(p)} `))!;
  assert.match(row(photos), /\s2\s+2\.0 KB\s+just now\s+0$/);
  assert.match(row(docs), /\s1\s+4 B\s+just now\s+1$/);

  const unreadable = ferry(['locations', '--unreadable'], env).stdout;
  assert.ok(unreadable.includes(`unreadable: ${path.join(fs.realpathSync(docs), 'private')}: EACCES`));

  const json = JSON.parse(ferry(['locations', '--json'], env).stdout) as Location[];
  assert.deepEqual(json.map((l) => [l.path, l.fileCount, l.totalBytes, l.unreadableCount]).sort(),
    [[fs.realpathSync(photos), 2, 2000, 0], [fs.realpathSync(docs), 1, 4, 1]].sort());
  assert.ok(json.every((l) => typeof l.lastIndexedAt === 'number' && l.rules.skipHidden === true));
});

test('ferry locations --remove forgets a location without touching its files', () => {
  const { env } = libraryEnv();
  const root = tree(tempDir(), { 'keep.txt': 'k' });
  ferry(['index', root], env);
  const r = ferry(['locations', '--remove', root], env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Removed the location .* \(1 indexed file; nothing on disk was touched\)\n$/);
  assert.deepEqual(JSON.parse(ferry(['locations', '--json'], env).stdout), []);
  assert.equal(fs.readFileSync(path.join(root, 'keep.txt'), 'utf8'), 'k');
  const again = ferry(['locations', '--remove', root], env);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /^ferry locations: .* is not a location \(see ferry locations\)\n$/);
});

test('ferry locations rejects unknown options with exit 2', () => {
  const { env } = libraryEnv();
  const r = ferry(['locations', '--nope'], env);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'ferry locations: unknown option --nope (see ferry locations --help)\n');
  const help = ferry(['locations', '--help'], env);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Examples:/);
});

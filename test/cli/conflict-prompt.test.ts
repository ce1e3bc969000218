import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { tempDir, tree } from '../helpers/tree';
import { ferryCommandLine } from '../helpers/ferry-cli';

/** `ferry copy` on a real pseudo-terminal (util-linux `script`): the live line, the question, the summary. */
test('on a terminal: prompt is the default, the question shows both sides, the answer is applied, a summary ends it', async (t) => {
  if (spawnSync('script', ['--version']).status !== 0) { t.skip('util-linux script is not installed'); return; }
  const root = tempDir('ferry-tty-');
  const src = tree(path.join(root, 'src'), { 'clash.txt': 'the new one', 'other.txt': 'other' });
  const dest = tree(path.join(root, 'dest'), { 'src/clash.txt': 'old' });
  const cmd = ferryCommandLine(['copy', src, dest]);
  const child = spawn('script', ['-qfec', cmd, '/dev/null'], {
    env: { ...process.env, FERRY_DB: path.join(root, 'library.db'), COLUMNS: '120' }, stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let answered = false;
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    out += c;
    if (!answered && out.includes('[r]eplace')) {
      answered = true;
      child.stdin.write('x\n');  // not an answer: asked again
      setTimeout(() => child.stdin.write('k\n'), 200);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, out);
  assert.match(out, /"[^"]*dest\/src\/clash\.txt" already exists\./);
  assert.match(out, /copying: +11 B +modified/);
  assert.match(out, /existing: +3 B +modified/);
  assert.match(out, /Please type r, s, k or t/);
  assert.match(out, /Done: 2 files copied/);
  assert.equal(fs.readFileSync(path.join(dest, 'src/clash 2.txt'), 'utf8'), 'the new one');
  assert.equal(fs.readFileSync(path.join(dest, 'src/clash.txt'), 'utf8'), 'old');
  child.stdin.end();
});

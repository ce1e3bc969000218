import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgramRunner } from '../../src/main/hosts/electron/run-program';

/** The runner of the clipboard's helper program, on a real program (Node itself stands for PowerShell). */
const node = (code: string) => ({ file: process.execPath, args: ['-e', code] });

test('the input reaches the program\'s stdin and its stdout comes back, with no shell between', async () => {
  const run = createProgramRunner();
  const echo = 'let s = ""; process.stdin.on("data", (d) => s += d).on("end", () => process.stdout.write(s.toUpperCase()))';
  assert.equal(await run({ ...node(echo), input: 'abc $HOME `x` ; rm' }), 'ABC $HOME `X` ; RM');
  assert.equal(await run({ ...node('process.stdout.write("no input read")'), input: 'x'.repeat(1 << 20) }), 'no input read');
});

test('a program that fails or hangs rejects (a hang is killed)', async () => {
  const run = createProgramRunner(500);
  await assert.rejects(run({ ...node('process.exit(3)'), input: '' }));
  await assert.rejects(run({ file: '/nonexistent/powershell.exe', args: [], input: '' }), /ENOENT/);
  await assert.rejects(run({ ...node('setInterval(() => {}, 1000)'), input: '' }));
});

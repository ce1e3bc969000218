import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { pidAlive } from '../../src/main/engine/jobs/job-store';

test('a process that ended is dead even before its parent collects it (a zombie)', { skip: process.platform !== 'linux' && 'zombies are told from /proc, on Linux' }, async () => {
  // The shell starts a short sleep, then becomes a long sleep that never waits: the short one stays a zombie.
  const parent = spawn('sh', ['-c', 'sleep 1 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const child = Number(await new Promise<string>((resolve) => parent.stdout!.once('data', (d: Buffer) => resolve(String(d)))));
    assert.ok(pidAlive(child), 'alive while it sleeps');
    await new Promise((r) => setTimeout(r, 1_500));
    assert.doesNotThrow(() => process.kill(child, 0), 'kill(pid, 0) still answers for it');
    assert.equal(pidAlive(child), false);
    assert.ok(pidAlive(parent.pid!), 'its parent lives');
    assert.ok(pidAlive(process.pid));
  } finally {
    parent.kill('SIGKILL');
  }
});

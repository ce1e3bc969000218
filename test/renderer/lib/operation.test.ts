import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTransferJob, jobOperation, operationOf } from '../../../src/renderer/lib/operation';

test('a job row is a move when its config says so (the copy machine runs moves) or its kind does', () => {
  const cases: Array<[{ kind: string; config: Record<string, unknown> }, 'copy' | 'move', boolean]> = [
    [{ kind: 'copy', config: { sources: ['/a'] } }, 'copy', true],
    [{ kind: 'copy', config: { operation: 'move' } }, 'move', true],
    [{ kind: 'copy', config: { operation: 'copy' } }, 'copy', true],
    [{ kind: 'move', config: {} }, 'move', true],
    [{ kind: 'copy', config: { operation: 'teleport' } }, 'copy', true],
    [{ kind: 'index', config: {} }, 'copy', false],
  ];
  for (const [job, operation, transfer] of cases) {
    const row = job as Parameters<typeof jobOperation>[0];
    assert.equal(jobOperation(row), operation, JSON.stringify(job));
    assert.equal(isTransferJob(row), transfer, JSON.stringify(job));
  }
});

test('an event names its operation only with a known value', () => {
  assert.equal(operationOf({ type: 'completed', operation: 'move' }), 'move');
  assert.equal(operationOf({ type: 'completed', operation: 'copy' }), 'copy');
  assert.equal(operationOf({ type: 'completed' }), undefined);
  assert.equal(operationOf({ type: 'completed', operation: 7 }), undefined);
});

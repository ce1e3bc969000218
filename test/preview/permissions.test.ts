import { test } from 'node:test';
import assert from 'node:assert/strict';
import { permissionOctal, permissionString } from '../../src/main/engine/preview/permissions';

const CASES: [number, string, string][] = [
  [0o100644, 'rw-r--r--', '644'],
  [0o040755, 'rwxr-xr-x', '755'],
  [0o100600, 'rw-------', '600'],
  [0o100000, '---------', '000'],
  [0o104755, 'rwsr-xr-x', '4755'], // setuid with execute: s
  [0o104644, 'rwSr--r--', '4644'], // setuid without: S
  [0o102755, 'rwxr-sr-x', '2755'],
  [0o041777, 'rwxrwxrwt', '1777'], // /tmp
  [0o041776, 'rwxrwxrwT', '1776'],
];

test('st_mode reads as ls -l and chmod write it', () => {
  for (const [mode, text, octal] of CASES) {
    assert.equal(permissionString(mode), text, mode.toString(8));
    assert.equal(permissionOctal(mode), octal, mode.toString(8));
  }
});

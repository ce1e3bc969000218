import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateCopyRequest } from '../../src/main/engine/copy/validate';
import { FerryError } from '../../src/shared/errors';
import { tempDir } from '../helpers/tree';
import { ODD_DIR, ODD_DIR_NAME, ODD_FILE, ODD_FILE_NAME, bytePath } from '../helpers/odd-names';

/** A copy's refusals (docs/architecture.md §3) on paths whose names are not UTF-8, as the UI sends them (escaped). */
const refusal = (code: string) => (e: unknown) => e instanceof FerryError && e.code === code;

test('sources and a DEST whose names are not UTF-8 are found, and told apart by their bytes', () => {
  const dir = tempDir();
  fs.mkdirSync(bytePath(dir, ODD_DIR));
  fs.writeFileSync(bytePath(dir, ODD_FILE), 'odd');
  fs.writeFileSync(bytePath(dir, Buffer.from([0xff, 0xfd, 0x2e, 0x74, 0x78, 0x74])), 'its twin');
  const destParent = tempDir();
  fs.mkdirSync(bytePath(destParent, ODD_DIR));
  const dest = path.join(destParent, ODD_DIR_NAME);
  const sources = [path.join(dir, ODD_DIR_NAME), path.join(dir, ODD_FILE_NAME), path.join(dir, '\udcff\udcfd.txt')];
  assert.deepEqual(validateCopyRequest(sources, dest), { sources, destination: dest });
});

test('a DEST inside a source whose name is not UTF-8 is refused, and so is a copy onto itself', () => {
  const dir = tempDir();
  fs.mkdirSync(bytePath(dir, ODD_DIR, 'inner'), { recursive: true });
  fs.writeFileSync(bytePath(dir, ODD_FILE), 'odd');
  const source = path.join(dir, ODD_DIR_NAME);
  assert.throws(() => validateCopyRequest([source], path.join(source, 'inner')), refusal('DEST_INSIDE_SOURCE'));
  assert.throws(() => validateCopyRequest([path.join(dir, ODD_FILE_NAME)], dir), refusal('SAME_FILE'));
  assert.throws(() => validateCopyRequest([path.join(dir, '\udcff.txt')], source), refusal('SOURCE_NOT_FOUND'));
});


import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFerryEngine } from '../../src/main/engine/ferry-engine';
import { dispatchCall } from '../../src/shared/dispatch';
import { methods, type MethodName, type MethodOutput } from '../../src/shared/api';
import { encodePng } from '../helpers/png';
import { symlink, tempDir, tree } from '../helpers/tree';

/** The "see files" methods through the facade as every host calls them (dispatchCall: validated, errors as values). */
test('getInfo, folderSize, diskSpace and thumbnail answer through the one contract', async () => {
  const dbFile = path.join(tempDir(), 'library.db');
  const engine = createFerryEngine({ dbFile, browsing: false });
  try {
    const root = tree(tempDir(), { 'pic.png': encodePng(300, 200, () => [9, 99, 199]), 'sub/a.txt': 'abc', link: symlink('pic.png') });
    const call = async <K extends MethodName>(method: K, input: unknown): Promise<MethodOutput<K>> => {
      const r = await dispatchCall(engine, method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return methods[method].output.parse(r.output) as MethodOutput<K>;
    };
    const info = await call('getInfo', { path: path.join(root, 'link') });
    assert.deepEqual([info.kind, info.symlinkTarget], ['link', 'pic.png']);
    assert.deepEqual(await call('folderSize', { path: root, requestId: 'r' }),
      { files: 2, bytes: 3 + fs.statSync(path.join(root, 'pic.png')).size, folders: 1, unreadable: 0, complete: true });
    assert.deepEqual(await call('cancelFolderSize', { requestId: 'nothing-running' }), {});
    const space = await call('diskSpace', { path: root });
    assert.ok(space.total > 0 && space.free <= space.total);
    const thumb = await call('thumbnail', { path: path.join(root, 'pic.png') });
    assert.match(thumb.dataUrl ?? '', /^data:image\/webp;base64,/);
    // Cached beside the library, so a second library keeps its own.
    assert.ok(fs.readdirSync(path.join(path.dirname(dbFile), 'thumbnails')).length > 0);

    const bad = await dispatchCall(engine, 'thumbnail', { path: path.join(root, 'pic.png'), edge: 100_000 });
    assert.equal(bad.ok ? 'ok' : bad.error.code, 'INVALID_INPUT');
    const missing = await dispatchCall(engine, 'getInfo', { path: path.join(root, 'nope') });
    assert.equal(missing.ok ? 'ok' : missing.error.code, 'ENOENT');
  } finally {
    engine.close();
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handleDesktopRequest } from '../../src/main/hosts/electron/desktop-requests';
import { createSystemClipboard } from '../../src/main/hosts/electron/system-clipboard';
import { encodeDropFiles, encodeFilenamesPlist } from '../../src/main/hosts/electron/clipboard-formats';
import { MemoryClipboard } from './memory-clipboard';

function desktop(board: MemoryClipboard, platform: 'linux' | 'darwin' | 'win32') {
  const drags: string[][] = [];
  const ask = (request: unknown) => handleDesktopRequest(request, { clipboard: createSystemClipboard(board, platform), startDrag: (p) => drags.push(p) });
  return { ask, drags };
}

test('a cut on Linux leaves GNOME\'s bytes on the clipboard, and Ferry reads them back', () => {
  const board = new MemoryClipboard();
  const { ask } = desktop(board, 'linux');
  assert.deepEqual(ask({ op: 'writeClipboardFiles', paths: ['/home/me/a b.txt', '/home/me/Photos'], cut: true }), { ok: true, output: {} });
  assert.deepEqual([...board.held.keys()], ['x-special/gnome-copied-files']);
  assert.equal(board.held.get('x-special/gnome-copied-files')!.toString(), 'cut\nfile:///home/me/a%20b.txt\nfile:///home/me/Photos');
  assert.deepEqual(ask({ op: 'readClipboardFiles' }), { ok: true, output: { paths: ['/home/me/a b.txt', '/home/me/Photos'], cut: true } });
});

test('files Finder or Explorer copied are read; on Windows Ferry\'s copy of several is the paths as text', () => {
  const finder = desktop(MemoryClipboard.holding({ NSFilenamesPboardType: encodeFilenamesPlist(['/Users/me/Report.pdf']) }), 'darwin');
  assert.deepEqual(finder.ask({ op: 'readClipboardFiles' }), { ok: true, output: { paths: ['/Users/me/Report.pdf'], cut: false } });

  const explorer = desktop(MemoryClipboard.holding({ CF_HDROP: encodeDropFiles(['C:\\a.txt', 'C:\\b.txt']), 'Preferred DropEffect': Buffer.from([2, 0, 0, 0]) }), 'win32');
  assert.deepEqual(explorer.ask({ op: 'readClipboardFiles' }), { ok: true, output: { paths: ['C:\\a.txt', 'C:\\b.txt'], cut: true } });

  const board = new MemoryClipboard();
  desktop(board, 'win32').ask({ op: 'writeClipboardFiles', paths: ['C:\\a.txt', 'C:\\b.txt'], cut: false });
  assert.equal(board.held.get('text/plain')!.toString(), 'C:\\a.txt\r\nC:\\b.txt');
  assert.deepEqual(desktop(new MemoryClipboard(), 'linux').ask({ op: 'readClipboardFiles' }), { ok: true, output: null }, 'no files: null');
});

test('on Windows one file goes on the clipboard as FileNameW (UTF-16LE path, one NUL), which Ferry reads back; several as text', () => {
  const board = new MemoryClipboard();
  const { ask } = desktop(board, 'win32');
  ask({ op: 'writeClipboardFiles', paths: ['C:\\Users\\me\\Résumé 東京.pdf'], cut: false });
  assert.deepEqual(board.writes.map((w) => [w.call, w.format]), [['writeBuffer', 'FileNameW']]);
  assert.deepEqual([...board.writes[0]!.data], [...Buffer.from('C:\\Users\\me\\Résumé 東京.pdf', 'utf16le'), 0, 0]);
  assert.equal(board.writes[0]!.data.length, ('C:\\Users\\me\\Résumé 東京.pdf'.length + 1) * 2);
  assert.deepEqual(ask({ op: 'readClipboardFiles' }), { ok: true, output: { paths: ['C:\\Users\\me\\Résumé 東京.pdf'], cut: false } });

  // FileNameW holds one path: two files are text, one a line, and no file list to paste.
  ask({ op: 'writeClipboardFiles', paths: ['C:\\a.txt', 'C:\\b.txt'], cut: true });
  assert.deepEqual(board.writes.slice(1).map((w) => [w.call, w.data.toString('utf8')]), [['writeText', 'C:\\a.txt\r\nC:\\b.txt']]);
  assert.deepEqual(ask({ op: 'readClipboardFiles' }), { ok: true, output: null });
});

test('malformed requests from the page are refused as values, and change nothing', () => {
  const board = MemoryClipboard.holding({ 'text/plain': Buffer.from('keep') });
  const { ask, drags } = desktop(board, 'linux');
  for (const bad of [null, 'readClipboardFiles', { op: 'format' }, { op: 'writeClipboardFiles', paths: [], cut: false },
    { op: 'writeClipboardFiles', paths: ['/a'] }, { op: 'startDrag', paths: [''] }, { op: 'startDrag', paths: '/etc/passwd' }]) {
    const result = ask(bad);
    assert.equal(result.ok ? 'ok' : result.error.code, 'INVALID_INPUT', JSON.stringify(bad));
  }
  assert.deepEqual([...board.held.keys()], ['text/plain']);
  assert.deepEqual(drags, []);
  assert.deepEqual(ask({ op: 'startDrag', paths: ['/home/me/a.txt'] }), { ok: true, output: {} });
  assert.deepEqual(drags, [['/home/me/a.txt']]);
});

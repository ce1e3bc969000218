import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handleDesktopRequest } from '../../src/main/hosts/electron/desktop-requests';
import { createSystemClipboard } from '../../src/main/hosts/electron/system-clipboard';
import { encodeDropFiles, encodeFileNameW, encodeFilenamesPlist } from '../../src/main/hosts/electron/clipboard-formats';
import { readFileDropCall, writeFileDropCall, type ProgramCall, type RunProgram } from '../../src/main/hosts/electron/windows-file-drop';
import { MemoryClipboard } from './memory-clipboard';

function desktop(board: MemoryClipboard, platform: 'linux' | 'darwin' | 'win32', run?: RunProgram) {
  const drags: string[][] = [];
  // One clipboard for the window's life, as desktop-ipc.ts makes it.
  const clipboard = createSystemClipboard(board, platform, run);
  const ask = (request: unknown) => handleDesktopRequest(request, { clipboard, startDrag: (p) => drags.push(p) });
  return { ask, drags };
}

/**
 * PowerShell, which writes Windows' CF_HDROP, cannot run here: this stands in for it only to show which
 * calls the clipboard makes and what it does with their answers (the calls themselves are checked in
 * electron-windows-file-drop.test.ts, and the runner on a real program in electron-run-program.test.ts).
 */
function powershellAnswering(answer: (call: ProgramCall) => string | Error) {
  const calls: ProgramCall[] = [];
  const run: RunProgram = async (call) => {
    calls.push(call);
    const out = answer(call);
    if (out instanceof Error) throw out;
    return out;
  };
  return { run, calls };
}

const fileDropOutput = (paths: string[], cut: boolean) => Buffer.from(JSON.stringify({ paths, cut })).toString('base64');

test('a cut on Linux leaves GNOME\'s bytes on the clipboard, and Ferry reads them back', async () => {
  const board = new MemoryClipboard();
  const { ask } = desktop(board, 'linux');
  assert.deepEqual(await ask({ op: 'writeClipboardFiles', paths: ['/home/me/a b.txt', '/home/me/Photos'], cut: true }), { ok: true, output: {} });
  assert.deepEqual([...board.held.keys()], ['x-special/gnome-copied-files']);
  assert.equal(board.held.get('x-special/gnome-copied-files')!.toString(), 'cut\nfile:///home/me/a%20b.txt\nfile:///home/me/Photos');
  assert.deepEqual(await ask({ op: 'readClipboardFiles' }), { ok: true, output: { paths: ['/home/me/a b.txt', '/home/me/Photos'], cut: true } });
});

test('files Finder or Explorer copied are read', async () => {
  const finder = desktop(MemoryClipboard.holding({ NSFilenamesPboardType: encodeFilenamesPlist(['/Users/me/Report.pdf']) }), 'darwin');
  assert.deepEqual(await finder.ask({ op: 'readClipboardFiles' }), { ok: true, output: { paths: ['/Users/me/Report.pdf'], cut: false } });

  const explorer = desktop(MemoryClipboard.holding({ CF_HDROP: encodeDropFiles(['C:\\a.txt', 'C:\\b.txt']), 'Preferred DropEffect': Buffer.from([2, 0, 0, 0]) }), 'win32');
  assert.deepEqual(await explorer.ask({ op: 'readClipboardFiles' }), { ok: true, output: { paths: ['C:\\a.txt', 'C:\\b.txt'], cut: true } });
  assert.deepEqual(await desktop(new MemoryClipboard(), 'linux').ask({ op: 'readClipboardFiles' }), { ok: true, output: null }, 'no files: null');
});

test('on Windows one copied file goes on the clipboard as FileNameW (UTF-16LE path, one NUL) at once, without PowerShell', async () => {
  const board = new MemoryClipboard();
  const ps = powershellAnswering(() => new Error('not asked'));
  const { ask } = desktop(board, 'win32', ps.run);
  await ask({ op: 'writeClipboardFiles', paths: ['C:\\Users\\me\\Résumé 東京.pdf'], cut: false });
  assert.deepEqual(board.writes.map((w) => [w.call, w.format]), [['writeBuffer', 'FileNameW']]);
  assert.deepEqual([...board.writes[0]!.data], [...Buffer.from('C:\\Users\\me\\Résumé 東京.pdf', 'utf16le'), 0, 0]);
  assert.deepEqual(ps.calls, []);
});

test('on Windows several files, or a cut, go to CF_HDROP through PowerShell; the text written first stays if it fails', async () => {
  const board = new MemoryClipboard();
  const ps = powershellAnswering(() => '');
  const { ask } = desktop(board, 'win32', ps.run);
  assert.deepEqual(await ask({ op: 'writeClipboardFiles', paths: ['C:\\a.txt', 'C:\\b.txt'], cut: false }), { ok: true, output: {} });
  assert.deepEqual(ps.calls, [writeFileDropCall({ paths: ['C:\\a.txt', 'C:\\b.txt'], cut: false })]);
  await ask({ op: 'writeClipboardFiles', paths: ['C:\\a.txt'], cut: true });
  assert.deepEqual(ps.calls[1], writeFileDropCall({ paths: ['C:\\a.txt'], cut: true }), 'a cut needs "Preferred DropEffect"');

  const failing = new MemoryClipboard();
  const broken = desktop(failing, 'win32', powershellAnswering(() => new Error('powershell.exe: ENOENT')).run);
  assert.deepEqual(await broken.ask({ op: 'writeClipboardFiles', paths: ['C:\\a.txt', 'C:\\b.txt'], cut: true }), { ok: true, output: {} });
  assert.equal(failing.held.get('text/plain')!.toString(), 'C:\\a.txt\r\nC:\\b.txt', 'the paths as text, one a line');
});

test('on Windows a quick second Copy is not overtaken by the first one\'s PowerShell', async () => {
  const board = new MemoryClipboard();
  let release!: () => void;
  const slow = new Promise<void>((r) => { release = r; });
  const seen: number[] = [];
  const { ask } = desktop(board, 'win32', async () => {
    seen.push(board.writes.length);
    await slow; // PowerShell still starting while the user copies again
    seen.push(board.writes.length);
    return '';
  });
  const first = ask({ op: 'writeClipboardFiles', paths: ['C:\\a.txt', 'C:\\b.txt'], cut: false });
  const second = ask({ op: 'writeClipboardFiles', paths: ['C:\\c.txt'], cut: false });
  await new Promise((r) => setImmediate(r));
  release();
  await Promise.all([first, second]);
  assert.deepEqual(seen, [1, 1], 'nothing written while the first PowerShell ran');
  assert.deepEqual(board.writes.map((w) => w.format), ['text/plain', 'FileNameW'], 'the second Copy is what stays');
});

test('on Windows the whole list is read through PowerShell when Explorer left files (FileNameW); never when it did not', async () => {
  const explorer = MemoryClipboard.holding({ FileNameW: encodeFileNameW('C:\\a.txt') });
  const ps = powershellAnswering(() => fileDropOutput(['C:\\a.txt', 'D:\\Fotos\\b.jpg'], true));
  assert.deepEqual(await desktop(explorer, 'win32', ps.run).ask({ op: 'readClipboardFiles' }),
    { ok: true, output: { paths: ['C:\\a.txt', 'D:\\Fotos\\b.jpg'], cut: true } });
  assert.deepEqual(ps.calls, [readFileDropCall()]);

  const failing = desktop(explorer, 'win32', powershellAnswering(() => new Error('timed out')).run);
  assert.deepEqual(await failing.ask({ op: 'readClipboardFiles' }), { ok: true, output: { paths: ['C:\\a.txt'], cut: false } }, 'FileNameW\'s one file');

  const text = powershellAnswering(() => fileDropOutput(['C:\\x'], false));
  assert.deepEqual(await desktop(MemoryClipboard.holding({ 'text/plain': Buffer.from('hello') }), 'win32', text.run).ask({ op: 'readClipboardFiles' }),
    { ok: true, output: null });
  assert.deepEqual(text.calls, [], 'no files on the clipboard: no PowerShell at every focus');
});

test('malformed requests from the page are refused as values, and change nothing', async () => {
  const board = MemoryClipboard.holding({ 'text/plain': Buffer.from('keep') });
  const { ask, drags } = desktop(board, 'linux');
  for (const bad of [null, 'readClipboardFiles', { op: 'format' }, { op: 'writeClipboardFiles', paths: [], cut: false },
    { op: 'writeClipboardFiles', paths: ['/a'] }, { op: 'startDrag', paths: [''] }, { op: 'startDrag', paths: '/etc/passwd' }]) {
    const result = await ask(bad);
    assert.equal(result.ok ? 'ok' : result.error.code, 'INVALID_INPUT', JSON.stringify(bad));
  }
  assert.deepEqual([...board.held.keys()], ['text/plain']);
  assert.deepEqual(drags, []);
  assert.deepEqual(await ask({ op: 'startDrag', paths: ['/home/me/a.txt'] }), { ok: true, output: {} });
  assert.deepEqual(drags, [['/home/me/a.txt']]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeClipboardFiles, decodeDropEffectIsCut, decodeDropFiles, decodeFileNameW, decodeFilenamesPlist, decodeGnomeCopiedFiles,
  decodeUriList, encodeClipboardFiles, encodeDropEffect, encodeDropFiles, encodeFileNameW, encodeFilenamesPlist, encodeGnomeCopiedFiles,
  encodeUriList, fileUri, pathFromFileUri, type ClipboardEntry, type ClipboardPlatform,
} from '../../src/main/hosts/electron/clipboard-formats';
import { ODD_FILE_NAME } from '../helpers/odd-names';

/** Names that break naive encoders: spaces, '%', '#', '?', non-ASCII, a newline, bytes that are not UTF-8. */
const ODD_PATHS = ['/home/me/a b.txt', '/home/me/100%.txt', '/home/me/#1?.txt', '/home/me/Résumé 東京.pdf', '/home/me/line\nbreak', `/home/me/${ODD_FILE_NAME}`];

test('file URIs percent-encode every byte outside RFC 3986 pchar, and decode back to the same path', () => {
  assert.equal(fileUri('/home/me/a b.txt'), 'file:///home/me/a%20b.txt');
  assert.equal(fileUri('/home/me/100%.txt'), 'file:///home/me/100%25.txt');
  assert.equal(fileUri('/home/me/#1?.txt'), 'file:///home/me/%231%3F.txt');
  assert.equal(fileUri('/home/me/Résumé.pdf'), 'file:///home/me/R%C3%A9sum%C3%A9.pdf');
  assert.equal(fileUri(`/tmp/${ODD_FILE_NAME}`), 'file:///tmp/%FF%FE.txt', 'a name that is not UTF-8 keeps its exact bytes');
  assert.equal(fileUri("/a/it's (1)+[x].txt"), "file:///a/it's%20(1)+%5Bx%5D.txt");
  for (const p of ODD_PATHS) assert.equal(pathFromFileUri(fileUri(p), 'linux'), p);
  assert.equal(pathFromFileUri('file://localhost/etc/hosts', 'linux'), '/etc/hosts');
  assert.equal(pathFromFileUri('file://otherhost/etc/hosts', 'linux'), null, 'another machine\'s file is not ours to paste');
  assert.equal(pathFromFileUri('https://example.com/a', 'linux'), null);
  assert.equal(fileUri('C:\\Users\\me\\a b.txt'), 'file:///C:/Users/me/a%20b.txt');
  assert.equal(pathFromFileUri('file:///C:/Users/me/a%20b.txt', 'win32'), 'C:\\Users\\me\\a b.txt');
  assert.equal(fileUri('\\\\server\\share\\x y.doc'), 'file://server/share/x%20y.doc');
  assert.equal(pathFromFileUri('file://server/share/x%20y.doc', 'win32'), '\\\\server\\share\\x y.doc');
});

test('GNOME\'s x-special/gnome-copied-files: the action line then one URI a line, both ways', () => {
  const data = encodeGnomeCopiedFiles({ paths: ['/home/me/a b.txt', '/home/me/dir'], cut: true });
  assert.equal(data.toString('utf8'), 'cut\nfile:///home/me/a%20b.txt\nfile:///home/me/dir');
  assert.deepEqual(decodeGnomeCopiedFiles(data), { paths: ['/home/me/a b.txt', '/home/me/dir'], cut: true });
  // As GNOME Files writes it (a trailing newline), and as some apps do (CRLF).
  assert.deepEqual(decodeGnomeCopiedFiles(Buffer.from('copy\nfile:///tmp/x%231\n')), { paths: ['/tmp/x#1'], cut: false });
  assert.deepEqual(decodeGnomeCopiedFiles(Buffer.from('copy\r\nfile:///tmp/a\r\nfile:///tmp/b\r\n')), { paths: ['/tmp/a', '/tmp/b'], cut: false });
  assert.equal(decodeGnomeCopiedFiles(Buffer.from('hello world')), null, 'text that is not a file list');
  assert.deepEqual(decodeGnomeCopiedFiles(encodeGnomeCopiedFiles({ paths: ODD_PATHS, cut: false })), { paths: ODD_PATHS, cut: false });
});

test('text/uri-list (RFC 2483): CRLF lines, comments skipped', () => {
  assert.equal(encodeUriList(['/a b', '/c']).toString(), 'file:///a%20b\r\nfile:///c\r\n');
  assert.deepEqual(decodeUriList(Buffer.from('# from Dolphin\r\nfile:///a%20b\r\nhttp://x/y\r\nfile:///c\r\n'), 'linux'), ['/a b', '/c']);
  assert.deepEqual(decodeUriList(encodeUriList(ODD_PATHS), 'linux'), ODD_PATHS);
});

test('macOS NSFilenamesPboardType: an XML property list of paths, escaped', () => {
  const data = encodeFilenamesPlist(['/Users/me/Tom & Jerry <1>.mov', '/Users/me/Docs']);
  const text = data.toString('utf8');
  assert.match(text, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<!DOCTYPE plist PUBLIC "-\/\/Apple\/\/DTD PLIST 1\.0\/\/EN"/);
  assert.match(text, /<array>\n\t<string>\/Users\/me\/Tom &amp; Jerry &lt;1&gt;\.mov<\/string>\n\t<string>\/Users\/me\/Docs<\/string>\n<\/array>/);
  assert.deepEqual(decodeFilenamesPlist(data), ['/Users/me/Tom & Jerry <1>.mov', '/Users/me/Docs']);
  // As Finder writes it (indented with tabs, numeric entities allowed).
  const finder = '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<array>\n\t<string>/Users/me/caf&#233;.txt</string>\n</array>\n</plist>\n';
  assert.deepEqual(decodeFilenamesPlist(Buffer.from(finder)), ['/Users/me/café.txt']);
});

test('Windows CF_HDROP: the 20-byte DROPFILES header, then UTF-16LE paths each NUL-ended, then a NUL', () => {
  const data = encodeDropFiles(['C:\\a.txt', 'D:\\é']);
  assert.equal(data.readUInt32LE(0), 20, 'pFiles: the list starts after the header');
  assert.equal(data.readInt32LE(4), 0);
  assert.equal(data.readInt32LE(8), 0);
  assert.equal(data.readUInt32LE(12), 0, 'fNC');
  assert.equal(data.readUInt32LE(16), 1, 'fWide: UTF-16');
  assert.deepEqual([...data.subarray(20)], [
    ...Buffer.from('C:\\a.txt\0', 'utf16le'), ...Buffer.from('D:\\é\0', 'utf16le'), 0, 0,
  ]);
  assert.equal(data.length, 20 + (9 + 5 + 1) * 2);
  assert.deepEqual(decodeDropFiles(data), ['C:\\a.txt', 'D:\\é']);
  // An ANSI list (fWide = 0), as old programs write it.
  const ansi = Buffer.concat([Buffer.from([20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('C:\\x.txt\0\0', 'latin1')]);
  assert.deepEqual(decodeDropFiles(ansi), ['C:\\x.txt']);
  assert.deepEqual(decodeDropFiles(Buffer.from([1, 2, 3])), [], 'too short to be DROPFILES');
});

test('Windows "Preferred DropEffect": MOVE for a cut, COPY otherwise; Explorer\'s copy (5) is not a cut', () => {
  assert.deepEqual([...encodeDropEffect(true)], [2, 0, 0, 0]);
  assert.deepEqual([...encodeDropEffect(false)], [1, 0, 0, 0]);
  assert.equal(decodeDropEffectIsCut(Buffer.from([2, 0, 0, 0])), true);
  assert.equal(decodeDropEffectIsCut(Buffer.from([5, 0, 0, 0])), false);
  assert.equal(decodeDropEffectIsCut(null), false);
  assert.equal(decodeFileNameW(Buffer.from('C:\\Users\\me\\a.txt\0', 'utf16le')), 'C:\\Users\\me\\a.txt');
  assert.deepEqual([...encodeFileNameW('C:\\é')], [0x43, 0, 0x3a, 0, 0x5c, 0, 0xe9, 0, 0, 0], 'FileNameW: UTF-16LE, then one NUL');
  assert.equal(decodeFileNameW(encodeFileNameW('\\\\srv\\share\\東京.txt')), '\\\\srv\\share\\東京.txt');
});

/** A clipboard holding exactly these entries (a fake of nothing: it is the byte layout under test). */
const holding = (entries: ClipboardEntry[]) => (format: string) => entries.find((e) => e.format === format)?.data ?? null;

test('each platform reads back what it writes, cut included where the platform has one', () => {
  const files = { paths: ['/home/me/a b.txt', '/home/me/dir'], cut: true };
  const roundTrip = (platform: ClipboardPlatform, f = files) => decodeClipboardFiles(platform, holding(encodeClipboardFiles(platform, f)));
  assert.deepEqual(roundTrip('linux'), files);
  assert.deepEqual(roundTrip('darwin'), { paths: files.paths, cut: false }, 'Finder has no cut: the files alone');
  const windows = { paths: ['C:\\a b.txt', 'D:\\dir'], cut: true };
  assert.deepEqual(roundTrip('win32', windows), windows);
  assert.deepEqual(encodeClipboardFiles('linux', files).map((e) => e.format), ['x-special/gnome-copied-files', 'text/uri-list', 'application/x-kde-cutselection']);
});

test('what other file managers leave is read: a KDE cut, a lone macOS file URL, Explorer\'s FileNameW; nothing is null', () => {
  const kde = holding([{ format: 'text/uri-list', data: Buffer.from('file:///home/me/x\r\n') }, { format: 'application/x-kde-cutselection', data: Buffer.from('1') }]);
  assert.deepEqual(decodeClipboardFiles('linux', kde), { paths: ['/home/me/x'], cut: true });
  const mac = holding([{ format: 'public.file-url', data: Buffer.from('file:///Users/me/My%20File.txt') }]);
  assert.deepEqual(decodeClipboardFiles('darwin', mac), { paths: ['/Users/me/My File.txt'], cut: false });
  const reference = holding([{ format: 'public.file-url', data: Buffer.from('file:///.file/id=6571367.8692297') }]);
  assert.equal(decodeClipboardFiles('darwin', reference), null, 'a file reference URL is not a path');
  const explorer = holding([{ format: 'FileNameW', data: Buffer.from('C:\\x.txt\0', 'utf16le') }, { format: 'Preferred DropEffect', data: Buffer.from([2, 0, 0, 0]) }]);
  assert.deepEqual(decodeClipboardFiles('win32', explorer), { paths: ['C:\\x.txt'], cut: true });
  for (const platform of ['linux', 'darwin', 'win32'] as const) assert.equal(decodeClipboardFiles(platform, () => null), null);
  assert.equal(decodeClipboardFiles('linux', holding([{ format: 'text/uri-list', data: Buffer.from('https://example.com\r\n') }])), null);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canThumbnail, extensionOf, fileKind, type FileKind, type KindInput } from '../../src/shared/file-kind';

const CASES: [KindInput, FileKind][] = [
  [{ name: 'Photos', entryKind: 'dir' }, 'folder'],
  // A folder named like a file is still a folder; a link is a link whatever it is called.
  [{ name: 'album.jpg', entryKind: 'dir' }, 'folder'],
  [{ name: 'latest.png', entryKind: 'symlink' }, 'link'],
  [{ name: 'beach.JPG', entryKind: 'file' }, 'image'],
  [{ name: 'logo.svg', entryKind: 'file' }, 'image'],
  [{ name: 'song.flac', entryKind: 'file' }, 'audio'],
  [{ name: 'clip.webm', entryKind: 'file' }, 'video'],
  [{ name: 'backup.tar.gz', entryKind: 'file' }, 'archive'],
  [{ name: 'report.pdf', entryKind: 'file' }, 'document'],
  [{ name: 'sheet.xlsx', entryKind: 'file' }, 'document'],
  [{ name: 'main.rs', entryKind: 'file' }, 'code'],
  // `.ts` is TypeScript far more often than an MPEG transport stream in a file manager's folders.
  [{ name: 'app.ts', entryKind: 'file' }, 'code'],
  [{ name: 'Makefile', entryKind: 'file' }, 'code'],
  [{ name: 'CMakeLists.txt', entryKind: 'file' }, 'code'],
  [{ name: 'notes.md', entryKind: 'file' }, 'text'],
  [{ name: 'README', entryKind: 'file' }, 'text'],
  [{ name: 'setup.exe', entryKind: 'file' }, 'executable'],
  // Execute bits decide only when the name does not.
  [{ name: 'ferry', entryKind: 'file', mode: 0o100755 }, 'executable'],
  [{ name: 'deploy.sh', entryKind: 'file', mode: 0o100755 }, 'code'],
  [{ name: 'data', entryKind: 'file', mode: 0o100644 }, 'file'],
  // A listing says `executable` instead of sending the mode.
  [{ name: 'run-me', entryKind: 'file', executable: true }, 'executable'],
  [{ name: 'run-me', entryKind: 'file', executable: false }, 'file'],
  [{ name: 'data', entryKind: 'file' }, 'file'],
  // Dotfiles have no extension: `.bashrc` is not a "bashrc" file.
  [{ name: '.bashrc', entryKind: 'file' }, 'file'],
  [{ name: 'fifo', entryKind: 'other', mode: 0o010777 }, 'file'],
];

test('every name and mode gets the kind a person would call it', () => {
  for (const [input, expected] of CASES) assert.equal(fileKind(input), expected, JSON.stringify(input));
});

test('extensions are lower-cased, taken after the last dot, and dotfiles have none', () => {
  assert.equal(extensionOf('A.B.JPEG'), 'jpeg');
  assert.equal(extensionOf('.profile'), '');
  assert.equal(extensionOf('noext'), '');
  assert.equal(extensionOf('trailing.'), '');
});

test('only image types the decoder reads are offered for thumbnails', () => {
  assert.equal(canThumbnail('a.PNG'), true);
  assert.equal(canThumbnail('b.jpeg'), true);
  assert.equal(canThumbnail('c.psd'), false);
  assert.equal(canThumbnail('d.txt'), false);
});

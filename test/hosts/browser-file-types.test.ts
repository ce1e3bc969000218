import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileType } from '../../src/main/hosts/browser/file-types';

test('types by extension, case-insensitively: shown inline, sandboxed when they can script, downloaded otherwise', () => {
  const table: Array<[string, string, string]> = [
    ['notes.txt', 'text/plain; charset=utf-8', 'inline'],
    ['README.MD', 'text/plain; charset=utf-8', 'inline'],
    ['main.ts', 'text/plain; charset=utf-8', 'inline'],
    ['data.json', 'application/json; charset=utf-8', 'inline'],
    ['photo.JPG', 'image/jpeg', 'inline'],
    ['clip.webm', 'video/webm', 'inline'],
    ['song.mp3', 'audio/mpeg', 'inline'],
    ['paper.pdf', 'application/pdf', 'inline'],
    ['page.html', 'text/html; charset=utf-8', 'inline-sandboxed'],
    ['icon.svg', 'image/svg+xml', 'inline-sandboxed'],
    ['archive.zip', 'application/zip', 'download'],
    ['program', 'application/octet-stream', 'download'],
    ['disk.img', 'application/octet-stream', 'download'],
    ['/some/dir.with.dot/file', 'application/octet-stream', 'download'],
  ];
  for (const [name, type, presentation] of table) assert.deepEqual(fileType(name), { type, presentation }, name);
});

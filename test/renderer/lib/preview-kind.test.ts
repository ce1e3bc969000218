import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeTextPreview, previewMode, type PreviewMode } from '../../../src/renderer/lib/preview-kind';
import type { EntryKind } from '../../../src/shared/types';

const CASES: [string, EntryKind, PreviewMode][] = [
  ['photo.JPG', 'file', 'image'],
  ['scan.tiff', 'file', 'facts'], // sharp thumbnails it, Chromium does not show it
  ['notes.md', 'file', 'text'],
  ['main.rs', 'file', 'text'],
  ['data.csv', 'file', 'text'],
  ['paper.pdf', 'file', 'pdf'],
  ['song.mp3', 'file', 'audio'],
  ['clip.webm', 'file', 'video'],
  ['movie.mkv', 'file', 'facts'],
  ['backup.zip', 'file', 'facts'],
  ['latest.png', 'symlink', 'image'],
  ['Photos', 'dir', 'facts'],
  ['pipe', 'other', 'facts'],
];

test('each item is previewed the way the browser can show it', () => {
  for (const [name, kind, mode] of CASES) assert.equal(previewMode(name, kind), mode, `${name} (${kind})`);
});

test('a PDF is framed only where the window has a PDF viewer; else its facts and an Open button', () => {
  assert.equal(previewMode('paper.pdf', 'file', { pdf: true }), 'pdf');
  assert.equal(previewMode('paper.PDF', 'file', { pdf: false }), 'facts-open');
  assert.equal(previewMode('paper.pdf', 'symlink', { pdf: false }), 'facts-open');
  assert.equal(previewMode('notes.md', 'file', { pdf: false }), 'text', 'the other kinds need no viewer');
  assert.equal(previewMode('Papers.pdf', 'dir', { pdf: false }), 'facts', 'a folder named .pdf is a folder');
});

test('text previews: NUL bytes mean binary; a character cut at the window edge is dropped', () => {
  const enc = new TextEncoder();
  assert.equal(decodeTextPreview(enc.encode('hello\nworld'), false), 'hello\nworld');
  assert.equal(decodeTextPreview(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x14]), false), null);
  const euro = enc.encode('price: €'); // € is 3 bytes
  assert.equal(decodeTextPreview(euro.subarray(0, euro.length - 1), true), 'price: ');
  assert.equal(decodeTextPreview(euro, true), 'price: €');
  const emoji = enc.encode('ok 😀');
  assert.equal(decodeTextPreview(emoji.subarray(0, emoji.length - 2), true), 'ok ');
});

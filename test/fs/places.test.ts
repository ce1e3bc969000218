import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { places, readUserDirs } from '../../src/main/engine/fs/places';
import { emptyDir, tempDir, tree } from '../helpers/tree';

test('places: home, the common folders that exist, and the root', () => {
  const home = tree(tempDir(), { 'Documents': emptyDir(), 'Downloads': emptyDir(), 'Movies': emptyDir(), 'Music': 'not a folder' });
  const result = places({ home, env: {} });
  assert.equal(result.home, home);
  assert.deepEqual(result.places, [
    { name: 'Home', path: home },
    { name: 'Documents', path: path.join(home, 'Documents') },
    { name: 'Downloads', path: path.join(home, 'Downloads') },
    { name: 'Videos', path: path.join(home, 'Movies') },
    { name: 'File System', path: '/' },
  ]);
});

test('places follow XDG user-dirs, and skip folders set to $HOME', () => {
  const home = tree(tempDir(), {
    'Bureau': emptyDir(),
    'Desktop': emptyDir(),
    'Téléchargements': emptyDir(),
    'Documents': emptyDir(),
    '.config/user-dirs.dirs': [
      '# written by xdg-user-dirs-update',
      'XDG_DESKTOP_DIR="$HOME/Bureau"',
      'XDG_DOWNLOAD_DIR="$HOME/Téléchargements"',
      'XDG_DOCUMENTS_DIR="$HOME/"',
      'XDG_MUSIC_DIR="$HOME/Musique"',
    ].join('\n'),
  });
  assert.equal(readUserDirs(home, {}).XDG_DESKTOP_DIR, path.join(home, 'Bureau'));
  const names = places({ home, env: {} }).places;
  assert.deepEqual(names.map((p) => [p.name, p.path]), [
    ['Home', home],
    ['Desktop', path.join(home, 'Bureau')],
    ['Downloads', path.join(home, 'Téléchargements')],
    ['File System', '/'],
  ]);
});

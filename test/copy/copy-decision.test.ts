import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decide, decideBlockedPath, hintedDestination, isOwnCopy, type ConflictAnswer, type CopyAction, type SourceFacts,
} from '../../src/main/engine/copy/copy-decision';
import type { DestEntry } from '../../src/main/engine/copy/types';
import type { EntryKind, OverwriteMode } from '../../src/shared/types';

// A source modified at 2020-06-01T00:00:00.12325Z (fractional ms, as a BigIntStats gives it; exact in a double).
const T = 1590969600123.25;
const SOURCES: Record<EntryKind, SourceFacts> = {
  file: { kind: 'file', size: 5, mtimeMs: T },
  symlink: { kind: 'symlink', size: 1, mtimeMs: T },
  dir: { kind: 'dir', size: 0, mtimeMs: T },
  other: { kind: 'other', size: 0, mtimeMs: T },
};

/** What can be at the destination of a file source `s`. */
function places(s: SourceFacts): Record<string, DestEntry | null> {
  return {
    'nothing': null,
    // The copy's time as a file system keeping microseconds has it.
    'its own copy': { kind: s.kind, size: s.size, mtimeMs: 1590969600123.457 },
    'same size, older': { kind: s.kind, size: s.size, mtimeMs: T - 60_000 },
    'other size, newer': { kind: s.kind, size: s.size + 1, mtimeMs: T + 60_000 },
    'same time, other size': { kind: s.kind, size: s.size + 1, mtimeMs: 1590969600123.457 },
    'a folder': { kind: 'dir', size: 0, mtimeMs: T },
  };
}

const MODES: OverwriteMode[] = ['skip', 'replace', 'skip-newer', 'keep-both', 'prompt'];
const ANSWERS: ConflictAnswer[] = [undefined, 'replace', 'keep-both'];

/** An action in a word, for tables a person can read. */
function label(a: CopyAction): string {
  switch (a.do) {
    case 'skip': return a.reason === 'alreadyExists' ? 'keep' : a.reason;
    case 'write': return a.how;
    case 'makeFolder': return a.clearFile ? 'unlink+mkdir' : 'mkdir';
    case 'refuse': return `refuse:${a.why}`;
    case 'clearFolderThenWrite': return 'rmdir+create';
    default: return a.do;
  }
}

function row(source: SourceFacts, existing: DestEntry | null, answer: ConflictAnswer, resume: boolean): string {
  return MODES.map((m) => label(decide(source, existing, m, answer, resume))).join(' ');
}

// Columns: skip, replace, skip-newer, keep-both, prompt (no answer given).
const FILE_TABLE: Record<string, string> = {
  'nothing': 'create create create create create',
  'its own copy': 'keep replace destinationNewer keep-both ask',
  'same size, older': 'keep replace replace keep-both ask',
  'other size, newer': 'keep replace destinationNewer keep-both ask',
  'same time, other size': 'keep replace destinationNewer keep-both ask',
  'a folder': 'keep refuse:folderInTheWay refuse:folderInTheWay keep-both ask',
};

for (const kind of ['file', 'symlink'] as const) {
  const source = SOURCES[kind];
  for (const [place, existing] of Object.entries(places(source))) {
    test(`a ${kind} meeting ${place}: by mode`, () => {
      assert.equal(row(source, existing, undefined, false), FILE_TABLE[place]);
    });
    test(`a ${kind} meeting ${place}: resumed, only its own copy is known as done`, () => {
      const expected = place === 'its own copy' ? 'already already already already already' : FILE_TABLE[place];
      assert.equal(row(source, existing, undefined, true), expected);
    });
    test(`a ${kind} meeting ${place}: the user's answer decides whatever the mode`, () => {
      for (const resume of [false, true]) {
        const own = resume && place === 'its own copy';
        const replace = own ? 'already' : existing === null ? 'create' : existing.kind === 'dir' ? 'rmdir+create' : 'replace';
        const keepBoth = own ? 'already' : existing === null ? 'create' : 'keep-both';
        assert.equal(row(source, existing, 'replace', resume), Array(5).fill(replace).join(' '), `replace, resume ${resume}`);
        assert.equal(row(source, existing, 'keep-both', resume), Array(5).fill(keepBoth).join(' '), `keep-both, resume ${resume}`);
      }
    });
  }
}

// A folder meets a folder: they merge; a file: Ferry never replaces it unless told to.
const FOLDER_TABLE: Record<string, [answer: ConflictAnswer, row: string][]> = {
  nothing: [[undefined, 'mkdir mkdir mkdir mkdir mkdir'], ['replace', 'mkdir mkdir mkdir mkdir mkdir'], ['keep-both', 'mkdir mkdir mkdir mkdir mkdir']],
  dir: [[undefined, 'folderThere folderThere folderThere folderThere folderThere'], ['replace', 'folderThere folderThere folderThere folderThere folderThere'],
    ['keep-both', 'folderThere folderThere folderThere folderThere folderThere']],
  file: [[undefined, 'keep refuse:fileInTheWay keep refuse:fileInTheWay ask'], ['replace', 'unlink+mkdir unlink+mkdir unlink+mkdir unlink+mkdir unlink+mkdir'],
    ['keep-both', 'refuse:fileInTheWay refuse:fileInTheWay refuse:fileInTheWay refuse:fileInTheWay refuse:fileInTheWay']],
  symlink: [[undefined, 'keep refuse:fileInTheWay keep refuse:fileInTheWay ask'], ['replace', 'unlink+mkdir unlink+mkdir unlink+mkdir unlink+mkdir unlink+mkdir'],
    ['keep-both', 'refuse:fileInTheWay refuse:fileInTheWay refuse:fileInTheWay refuse:fileInTheWay refuse:fileInTheWay']],
};

for (const [place, rows] of Object.entries(FOLDER_TABLE)) {
  test(`a folder meeting ${place === 'nothing' ? 'nothing' : `a ${place === 'dir' ? 'folder' : place}`}: by mode and answer, resumed or not`, () => {
    const existing: DestEntry | null = place === 'nothing' ? null : { kind: place as EntryKind, size: 0, mtimeMs: T };
    for (const [answer, expected] of rows) {
      for (const resume of [false, true]) assert.equal(row(SOURCES.dir, existing, answer, resume), expected, `${answer} ${resume}`);
    }
  });
}

test('a FIFO, socket or device is skipped as special whatever is there, the mode, the answer or a resume', () => {
  for (const existing of Object.values(places(SOURCES.file))) {
    for (const answer of ANSWERS) {
      for (const resume of [false, true]) {
        for (const mode of MODES) {
          assert.deepEqual(decide(SOURCES.other, existing, mode, answer, resume), { do: 'skip', reason: 'special', existed: false });
        }
      }
    }
  }
});

test('what is written says whether something was there (the job counts replaced files by it)', () => {
  for (const kind of ['file', 'symlink'] as const) {
    for (const [place, existing] of Object.entries(places(SOURCES[kind]))) {
      for (const mode of MODES) {
        for (const answer of ANSWERS) {
          const a = decide(SOURCES[kind], existing, mode, answer, false);
          if (a.do === 'write' || a.do === 'skip') assert.equal(a.existed, existing !== null, `${kind} ${place} ${mode} ${answer}`);
        }
      }
    }
  }
});

test('a kinds-only destination (size and time unread) is enough to keep, replace or keep both; never to judge ages', () => {
  const kindsOnly: DestEntry = { kind: 'file', size: NaN, mtimeMs: NaN };
  assert.equal(hintedDestination(kindsOnly, 'skip', false), kindsOnly);
  assert.equal(hintedDestination(kindsOnly, 'replace', false), kindsOnly);
  assert.equal(hintedDestination(kindsOnly, 'keep-both', false), kindsOnly);
  assert.equal(hintedDestination(kindsOnly, 'skip-newer', false), undefined, 'skip-newer compares times');
  assert.equal(hintedDestination(kindsOnly, 'prompt', false), undefined, 'the modal shows both sizes');
  assert.equal(hintedDestination(kindsOnly, 'skip', true), undefined, 'a resume recognises its copies by size and time');
  const measured: DestEntry = { kind: 'file', size: 3, mtimeMs: T };
  for (const mode of MODES) {
    assert.equal(hintedDestination('unknown', mode, false), undefined, 'unknown: the disk tells');
    assert.equal(hintedDestination(null, mode, true), null, 'known absent');
    assert.equal(hintedDestination(measured, mode, true), measured);
  }
});

test('a resume knows its own copy by kind, size and the time a copy gets (a coarse file system included)', () => {
  const f = SOURCES.file;
  assert.equal(isOwnCopy(null, f), false);
  assert.equal(isOwnCopy({ kind: 'file', size: 5, mtimeMs: 1590969600123.457 }, f), true, 'to the microsecond');
  assert.equal(isOwnCopy({ kind: 'file', size: 5, mtimeMs: 1590969600000 }, f), true, 'whole seconds (HFS+, ext3)');
  assert.equal(isOwnCopy({ kind: 'file', size: 5, mtimeMs: 1590969597000 }, f), false, 'three seconds away');
  assert.equal(isOwnCopy({ kind: 'file', size: 6, mtimeMs: 1590969600123.457 }, f), false, 'another size');
  assert.equal(isOwnCopy({ kind: 'symlink', size: 5, mtimeMs: 1590969600123.457 }, f), false, 'another kind');
});

test('a file in the way of a parent folder: kept by the skipping modes, asked about in prompt, refused otherwise', () => {
  const got = Object.fromEntries(MODES.map((m) => [m, decideBlockedPath(m)]));
  assert.deepEqual(got, {
    'skip': { do: 'skip', reason: 'alreadyExists', existed: true },
    'skip-newer': { do: 'skip', reason: 'alreadyExists', existed: true },
    'prompt': { do: 'findBlocker' },
    'replace': { do: 'refuse', why: 'fileOnThePath' },
    'keep-both': { do: 'refuse', why: 'fileOnThePath' },
  });
});

import * as fs from 'node:fs';

/** Entries per read: one getdents-sized chunk, so a folder of 100,000 names costs a few hundred calls. */
const DIR_BUFFER = 1024;

/**
 * A directory's entries in the file system's order, synchronously (for the walking worker threads).
 * Not `readdirSync`: its scandir sorts the names, which costs as much as reading them, and every
 * walker here keys entries by name and needs no order. Throws like readdirSync when the directory
 * cannot be opened or read.
 */
export function readDirents(dir: string): fs.Dirent[] {
  const handle = fs.opendirSync(dir, { bufferSize: DIR_BUFFER });
  const dirents: fs.Dirent[] = [];
  try {
    for (let d = handle.readSync(); d !== null; d = handle.readSync()) dirents.push(d);
  } finally {
    handle.closeSync();
  }
  return dirents;
}

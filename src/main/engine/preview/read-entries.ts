import * as fs from 'node:fs';
import { decodeName, fsPath, mayBeReplaced } from '../fs/byte-names';

/** `readEntries` (fs/byte-names.ts) without blocking the event loop: names exact, odd bytes escaped. */
export async function readEntriesAsync(dir: string): Promise<fs.Dirent[]> {
  const entries = await fs.promises.readdir(fsPath(dir), { withFileTypes: true });
  if (!entries.some((d) => mayBeReplaced(d.name))) return entries;
  const raw = await fs.promises.readdir(fsPath(dir), { withFileTypes: true, encoding: 'buffer' });
  return raw.map((d) => {
    Object.defineProperty(d, 'name', { value: decodeName(d.name as unknown as Buffer), enumerable: true });
    return d as unknown as fs.Dirent;
  });
}

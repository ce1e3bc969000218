import * as fs from 'node:fs';
import { snapshot } from '../helpers/tree';

/**
 * A tree as one flat, readable object for the move tests: relative path → file contents (utf8), `dir/`,
 * `-> target` for a symlink, `other` for a FIFO or socket. {} when the folder is not there.
 */
export function contents(root: string): Record<string, string> {
  if (!fs.existsSync(root)) return {};
  const out: Record<string, string> = {};
  for (const [rel, e] of Object.entries(snapshot(root))) {
    out[rel] = e.kind === 'file' ? Buffer.from(e.content!, 'base64').toString('utf8')
      : e.kind === 'dir' ? 'dir/' : e.kind === 'symlink' ? `-> ${e.target}` : 'other';
  }
  return out;
}

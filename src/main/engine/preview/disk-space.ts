import * as fs from 'node:fs';
import type { DiskSpace } from '../../../shared/file-info';
import { fsPath } from '../fs/byte-names';

/**
 * The free and total space of the file system `path` is on. `free` is what an unprivileged user may still
 * write (f_bavail, as `df` shows it), not the blocks reserved for root.
 */
export async function diskSpace(path: string): Promise<DiskSpace> {
  const st = await fs.promises.statfs(fsPath(path));
  return { free: st.bavail * st.bsize, total: st.blocks * st.bsize };
}

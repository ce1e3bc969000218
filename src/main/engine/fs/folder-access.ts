/**
 * Whether this process may list and enter a folder (read and search permission), decided from the lstat
 * the listing already made: the mode bits of the class the process falls in (owner, group, others), as
 * the kernel checks them. No access() call per folder: a listing of 20,000 folders would pay 20,000 more
 * system calls for a badge. POSIX ACLs are not read (rare on home folders): such a folder is judged by its
 * mode bits alone.
 */
export interface Who {
  uid: number;
  /** The primary group and the supplementary ones. */
  groups: readonly number[];
}

const READ_SEARCH = { owner: 0o500, group: 0o050, other: 0o005 } as const;

export function mayEnter(st: { mode: number; uid: number; gid: number }, who: Who | null): boolean {
  // Root passes permission checks (CAP_DAC_READ_SEARCH), and where there are no uids (Windows) there is no badge.
  if (who === null || who.uid === 0) return true;
  const wanted = st.uid === who.uid ? READ_SEARCH.owner : who.groups.includes(st.gid) ? READ_SEARCH.group : READ_SEARCH.other;
  return (st.mode & wanted) === wanted;
}

/** This process's user and groups, read once (they do not change while it runs). */
export function currentUser(): Who | null {
  if (typeof process.getuid !== 'function' || typeof process.getgroups !== 'function') return null;
  const gid = process.getgid?.() ?? -1;
  return { uid: process.getuid(), groups: [gid, ...process.getgroups()] };
}

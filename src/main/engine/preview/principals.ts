import * as fs from 'node:fs';

/**
 * Owner and group names. Node has no getpwuid for any uid but its own, so the names come from the files
 * the C library reads first (/etc/passwd, /etc/group); an id only a directory service (LDAP, sssd) knows
 * shows as its number. Both files are read once per minute at most.
 */
export function parseIdNames(text: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [name, , id] = line.split(':');
    const n = Number(id);
    if (name && id !== undefined && id !== '' && Number.isInteger(n) && !names.has(n)) names.set(n, name);
  }
  return names;
}

const REREAD_MS = 60_000;
const cache = new Map<string, { at: number; names: Map<number, string> }>();

function namesFrom(file: string): Map<number, string> {
  const kept = cache.get(file);
  if (kept && Date.now() - kept.at < REREAD_MS) return kept.names;
  let names = new Map<number, string>();
  try {
    names = parseIdNames(fs.readFileSync(file, 'utf8'));
  } catch {
    // No such database here (Windows, a minimal container): every id shows as its number.
  }
  cache.set(file, { at: Date.now(), names });
  return names;
}

export function userName(uid: number): string | null {
  return namesFrom('/etc/passwd').get(uid) ?? null;
}

export function groupName(gid: number): string | null {
  return namesFrom('/etc/group').get(gid) ?? null;
}

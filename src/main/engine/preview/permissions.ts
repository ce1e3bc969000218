/**
 * st_mode's permission bits as people read them: `ls -l`'s `rwxr-xr-x` (s/S, t/T where setuid, setgid or
 * sticky are set, lower case when the execute bit under it is set too) and `chmod`'s octal (`755`, `4755`).
 */
export function permissionString(mode: number): string {
  const special = [(mode & 0o4000) !== 0, (mode & 0o2000) !== 0, (mode & 0o1000) !== 0];
  let out = '';
  for (let who = 0; who < 3; who++) {
    const bits = (mode >> (6 - who * 3)) & 7;
    out += bits & 4 ? 'r' : '-';
    out += bits & 2 ? 'w' : '-';
    const exec = (bits & 1) !== 0;
    if (special[who]) out += who === 2 ? (exec ? 't' : 'T') : (exec ? 's' : 'S');
    else out += exec ? 'x' : '-';
  }
  return out;
}

export function permissionOctal(mode: number): string {
  const bits = mode & 0o7777;
  const text = bits.toString(8);
  return bits > 0o777 ? text.padStart(4, '0') : text.padStart(3, '0');
}

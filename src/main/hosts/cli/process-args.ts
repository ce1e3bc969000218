import * as fs from 'node:fs';
import { decodeName } from '../../engine/ferry-engine';

/**
 * The command line's arguments exactly. Node decodes argv as UTF-8 and replaces each byte that is not
 * with U+FFFD, so `ferry copy $'\xff.txt' DEST` would name a file that does not exist. On Linux the
 * process's own arguments are in /proc/self/cmdline as bytes: when an argument holds U+FFFD, they are
 * read from there and kept exactly (bytes that are not UTF-8 escaped, see byte-names.ts). Elsewhere,
 * or if that file does not match what Node decoded, the arguments stay as Node gave them.
 */
export function exactProcessArgs(args: string[] = process.argv.slice(2)): string[] {
  if (process.platform !== 'linux' || !args.some((a) => a.includes('\ufffd'))) return args;
  let cmdline: Buffer;
  try {
    cmdline = fs.readFileSync('/proc/self/cmdline');
  } catch {
    return args;
  }
  const raw = splitNul(cmdline);
  // The last arguments are the script's own (before them: node, its options, the script).
  const tail = raw.slice(raw.length - args.length);
  if (tail.length !== args.length || tail.some((b, i) => b.toString('utf8') !== args[i])) return args;
  return tail.map((b) => decodeName(b));
}

function splitNul(b: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0) { parts.push(b.subarray(start, i)); start = i + 1; }
  }
  if (start < b.length) parts.push(b.subarray(start));
  return parts;
}

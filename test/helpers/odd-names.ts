import * as fs from 'node:fs';

/**
 * Trees whose names are not valid UTF-8, made and read back as bytes (Buffer paths), never through
 * the strings under test. A path's bytes are compared as latin1 text: one character per byte.
 */

/** b'\xff\xfe.txt', b'd\xe9r' (Latin-1 "dér", not UTF-8), b'x\x80.txt'. */
export const ODD_FILE = Buffer.from([0xff, 0xfe, 0x2e, 0x74, 0x78, 0x74]);
export const ODD_DIR = Buffer.from('d\xe9r', 'latin1');
export const ODD_DEEP = Buffer.from('x\x80.txt', 'latin1');
/** The same names as the engine holds them (each invalid byte the lone surrogate U+DC00 + byte). */
export const ODD_FILE_NAME = '\udcff\udcfe.txt';
export const ODD_DIR_NAME = 'd\udce9r';
export const ODD_DEEP_NAME = 'x\udc80.txt';

/** `parts` joined with '/', as bytes. */
export function bytePath(...parts: Array<string | Buffer>): Buffer {
  const bufs: Buffer[] = [];
  parts.forEach((p, i) => {
    if (i > 0) bufs.push(Buffer.from('/'));
    bufs.push(Buffer.isBuffer(p) ? p : Buffer.from(p));
  });
  return Buffer.concat(bufs);
}

/**
 * The folder: six files, two of them with names that are not UTF-8, one of those in a folder
 * whose name is not UTF-8 either. Returns its files: path bytes (latin1, relative) → contents.
 */
export function oddTree(root: string): Record<string, string> {
  const files: Array<[Buffer, string]> = [
    [bytePath('a.txt'), 'plain a'],
    [bytePath('c.txt'), 'plain c'],
    [bytePath('sub', 'b.txt'), 'plain b'],
    [bytePath('sub', 'e.txt'), 'plain e'],
    [ODD_FILE, 'odd at the top'],
    [bytePath(ODD_DIR, ODD_DEEP), 'odd in an odd folder'],
  ];
  fs.mkdirSync(bytePath(root, 'sub'));
  fs.mkdirSync(bytePath(root, ODD_DIR));
  const out: Record<string, string> = {};
  for (const [rel, content] of files) {
    fs.writeFileSync(bytePath(root, rel), content);
    out[rel.toString('latin1')] = content;
  }
  return out;
}

/** Every regular file below `root`, read as bytes: relative path bytes (latin1) → contents (utf8). */
export function filesAsBytes(root: string | Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: Buffer, rel: Buffer | null) => {
    for (const name of fs.readdirSync(dir, { encoding: 'buffer' })) {
      const abs = bytePath(dir, name);
      const r = rel ? bytePath(rel, name) : name;
      const st = fs.lstatSync(abs);
      if (st.isDirectory()) walk(abs, r);
      else if (st.isFile()) out[r.toString('latin1')] = fs.readFileSync(abs, 'utf8');
    }
  };
  walk(Buffer.isBuffer(root) ? root : Buffer.from(root), null);
  return out;
}

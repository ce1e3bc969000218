import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/**
 * The folder holding Ferry's package.json. Found by walking up, because the same module runs from
 * src/ (type checks), out/node/src/ (CLI, tests) and the packaged app's resources folder.
 */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'ferry') {
      return (cached = dir);
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find Ferry's package.json above ${__dirname}`);
    dir = up;
  }
}

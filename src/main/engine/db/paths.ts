import * as os from 'node:os';
import * as path from 'node:path';

/** docs/architecture.md §2: `$FERRY_DB`, else `$XDG_DATA_HOME/ferry/library.db` (~/.local/share/ferry/library.db). */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FERRY_DB) return path.resolve(env.FERRY_DB);
  const dataHome = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME)
    ? env.XDG_DATA_HOME
    : path.join(os.homedir(), '.local', 'share');
  return path.join(dataHome, 'ferry', 'library.db');
}

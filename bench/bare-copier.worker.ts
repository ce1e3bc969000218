import * as fs from 'node:fs';
import { parentPort } from 'node:worker_threads';

/** The floor copier's worker: copies a batch of [source, target] pairs, temp name then rename. */
parentPort!.on('message', (m: [string, string][] | 'end') => {
  if (m === 'end') { parentPort!.postMessage('done'); return; }
  for (const [source, target] of m) {
    const st = fs.statSync(source);
    const tmp = `${target}.bare-tmp`;
    fs.copyFileSync(source, tmp);
    fs.utimesSync(tmp, st.atime, st.mtime);
    fs.renameSync(tmp, target);
  }
});

import type { FerryHandlers } from '../../../shared/api';
import type { EditLabels } from './menu';

/** How often the menu reads the history: another process (`ferry undo`, a browser window) may change it. */
const POLL_MS = 1_000;

/**
 * Keeps Edit ▸ Undo/Redo's labels current: reads the history now, on a poll, and when told (`check`, after
 * an undo from the menu), and calls `show` when the labels changed. Returns `check` and a stop function.
 */
export function followHistoryLabels(engine: Pick<FerryHandlers, 'history'>, show: (labels: EditLabels) => void): { check(): void; stop(): void } {
  let last = '';
  const check = () => {
    engine.history({ limit: 1 }).then((state) => {
      const labels: EditLabels = { undo: state.undo?.label ?? null, redo: state.redo?.label ?? null };
      const key = JSON.stringify(labels);
      if (key === last) return;
      last = key;
      show(labels);
    }, () => undefined);
  };
  check();
  const timer = setInterval(check, POLL_MS);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}

import type { CopyView } from './copy-progress';
import { formatBytes, formatCount, formatEta, plural } from './format';
import { baseName } from './paths';
import type { SkipReason } from '../../shared/events';
import { WORDS } from './operation';

/** "Preparing to copy…" / "Preparing to move…" */
export function preparingText(v: CopyView): string {
  return `Preparing to ${WORDS[v.operation].verb}…`;
}

/**
 * Items that reached the destination: the files placed one by one, plus, for a move, the SOURCEs the engine
 * moved whole by one rename before its job started (a folder so moved counts once, as Finder counts it).
 */
function arrived(c: NonNullable<CopyView['completed']>): number {
  return c.copiedFiles + (c.renamed ?? 0);
}

/** The dialog's accessible name and heading: "Copying 3 of 5 items", "Moved 5 items", "Move cancelled"… */
export function copyTitle(v: CopyView): string {
  const words = WORDS[v.operation];
  if (v.startError) return `Could not ${words.verb}`;
  if (v.phase === 'preparing') return preparingText(v);
  if (v.phase === 'finished' && v.completed) {
    const c = v.completed;
    switch (c.status) {
      case 'cancelled': return `${words.noun} cancelled`;
      case 'interrupted': return `${words.noun} interrupted`;
      default:
        return c.failedFiles > 0
          ? `${words.done} ${formatCount(arrived(c))} of ${plural(arrived(c) + c.failedFiles, 'item')}`
          : `${words.done} ${plural(arrived(c), 'item')}`;
    }
  }
  const done = Math.min(v.totalFiles, v.copiedFiles + v.skippedFiles + v.failedFiles);
  return `${words.doing} ${formatCount(done)} of ${plural(v.totalFiles, 'item')}`;
}

/**
 * The summary's first line: "5 items copied (1.2 MB)", "5 items moved (1.2 MB)"; a move done by renames
 * alone wrote no bytes, so it says none ("2 items moved").
 */
export function doneLine(v: CopyView): string | null {
  const c = v.completed;
  if (!c) return null;
  const line = `${plural(arrived(c), 'item')} ${WORDS[v.operation].past}`;
  return v.operation === 'move' && c.copiedBytes === 0 && arrived(c) > 0 ? line : `${line} (${formatBytes(c.copiedBytes)})`;
}

/** "Copying 1,234 of 5,678 items — 1.2 GB of 3.4 GB — about 2 minutes" while running. */
export function copyDetail(v: CopyView): string {
  if (v.phase !== 'copying') return '';
  const parts = [copyTitle(v), `${formatBytes(v.copiedBytes)} of ${formatBytes(v.totalBytes)}`];
  const eta = v.paused ? null : formatEta(v.etaSeconds);
  if (eta) parts.push(eta);
  return parts.join(' — ');
}

/** "Waiting for another copy into “photos” to finish…" while a copy (or move) into the same place runs first. */
export function waitingText(v: CopyView): string | null {
  if (v.waitingInto === undefined || v.phase === 'finished') return null;
  return `Waiting for another ${v.operation === 'move' ? 'transfer' : 'copy'} into “${baseName(v.waitingInto) || v.waitingInto}” to finish…`;
}

/** "Found 56 more…" while discovery is still adding files the index lacked. */
export function foundMoreText(v: CopyView): string | null {
  return v.phase === 'copying' && v.discoveryActive && v.discoveredFiles > 0
    ? `Found ${formatCount(v.discoveredFiles)} more…` : null;
}

const REASONS: Record<SkipReason, string> = {
  alreadyExists: 'already at the destination',
  destinationNewer: 'newer at the destination',
  userChoice: 'skipped by you',
  vanished: 'no longer on disk',
  special: 'special files (pipes, sockets, devices)',
};

export function skipLines(v: CopyView): string[] {
  return (Object.entries(v.skippedByReason) as [SkipReason, number][])
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${plural(n, 'item')} ${REASONS[reason]}`);
}

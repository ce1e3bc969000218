import type { CopyView } from './copy-progress';
import { formatBytes, formatCount, formatEta, plural } from './format';
import { baseName } from './paths';
import type { SkipReason } from '../../shared/events';

/** The dialog's accessible name and heading. */
export function copyTitle(v: CopyView): string {
  if (v.startError) return 'Could not copy';
  if (v.phase === 'preparing') return 'Preparing to copy…';
  if (v.phase === 'finished' && v.completed) {
    const c = v.completed;
    switch (c.status) {
      case 'cancelled': return 'Copy cancelled';
      case 'interrupted': return 'Copy interrupted';
      default:
        return c.failedFiles > 0
          ? `Copied ${formatCount(c.copiedFiles)} of ${plural(c.copiedFiles + c.failedFiles, 'item')}`
          : `Copied ${plural(c.copiedFiles, 'item')}`;
    }
  }
  const done = Math.min(v.totalFiles, v.copiedFiles + v.skippedFiles + v.failedFiles);
  return `Copying ${formatCount(done)} of ${plural(v.totalFiles, 'item')}`;
}

/** "Copying 1,234 of 5,678 items — 1.2 GB of 3.4 GB — about 2 minutes" while running. */
export function copyDetail(v: CopyView): string {
  if (v.phase !== 'copying') return '';
  const parts = [copyTitle(v), `${formatBytes(v.copiedBytes)} of ${formatBytes(v.totalBytes)}`];
  const eta = v.paused ? null : formatEta(v.etaSeconds);
  if (eta) parts.push(eta);
  return parts.join(' — ');
}

/** "Waiting for another copy into “photos” to finish…" while a copy into the same place runs first. */
export function waitingText(v: CopyView): string | null {
  if (v.waitingInto === undefined || v.phase === 'finished') return null;
  return `Waiting for another copy into “${baseName(v.waitingInto) || v.waitingInto}” to finish…`;
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

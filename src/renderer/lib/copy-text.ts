import type { CopyView } from './copy-progress';
import { formatBytes, formatCount, formatEta, plural } from './format';
import { baseName } from './paths';
import type { SkipReason } from '../../shared/events';
import { WORDS } from './operation';

/** "Preparing to copy…" / "Preparing to move…" */
export function preparingText(v: CopyView): string {
  return `Preparing to ${WORDS[v.operation].verb}…`;
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
          ? `${words.done} ${formatCount(c.copiedFiles)} of ${plural(c.copiedFiles + c.failedFiles, 'item')}`
          : `${words.done} ${plural(c.copiedFiles, 'item')}`;
    }
  }
  const done = Math.min(v.totalFiles, v.copiedFiles + v.skippedFiles + v.failedFiles);
  return `${words.doing} ${formatCount(done)} of ${plural(v.totalFiles, 'item')}`;
}

/** The summary's first line: "5 items copied (1.2 MB)", "5 items moved (1.2 MB)". */
export function doneLine(v: CopyView): string | null {
  const c = v.completed;
  return c ? `${plural(c.copiedFiles, 'item')} ${WORDS[v.operation].past} (${formatBytes(c.copiedBytes)})` : null;
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

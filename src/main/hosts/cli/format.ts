/** Human formatting shared by the CLI's live lines and summaries. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** Bytes in decimal units as Finder shows them: 1.2 GB, 980 KB, 12 B. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let i = 0;
  let v = bytes;
  while (v >= 1000 && i < UNITS.length - 1) { v /= 1000; i++; }
  return i === 0 ? `${v} B` : `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${UNITS[i]}`;
}

/** 1234567 → "1,234,567". Not toLocaleString: loading ICU's locale data costs ~100 ms on first use. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A count with its noun: "1 file", "2 files", "1,234 files". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${Math.round(n) === 1 ? one : many}`;
}

/** A duration in words: "about 2 minutes", "12 s", "1 h 5 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(s / 3600);
  const rest = Math.round((s - h * 3600) / 60);
  return rest ? `${h} h ${rest} min` : `${h} h`;
}

export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/**
 * A single live status line on a terminal: redraws in place, at most every `minIntervalMs`,
 * truncated to the terminal's width so it never wraps (a wrapped line cannot be redrawn).
 */
export class LiveLine {
  private last = 0;
  private shown = false;
  constructor(private readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, private readonly minIntervalMs = 100) {}

  get enabled(): boolean {
    return this.out.isTTY === true;
  }

  update(text: string, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < this.minIntervalMs) return;
    this.last = now;
    const width = Math.max(20, (this.out.columns ?? 80) - 1);
    const line = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    this.out.write(`\r\x1b[2K${line}`);
    this.shown = true;
  }

  /** Clears the line, e.g. before printing a question or the final summary. */
  clear(): void {
    if (this.enabled && this.shown) this.out.write('\r\x1b[2K');
    this.shown = false;
  }
}

/** How long ago a moment was, in words: "just now", "5 min ago", "3 h ago", "2 days ago"; "never" for null. */
export function formatAgo(atMs: number | null | undefined, nowMs = Date.now()): string {
  if (atMs === null || atMs === undefined || !Number.isFinite(atMs)) return 'never';
  const s = Math.max(0, Math.round((nowMs - atMs) / 1000));
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  const days = Math.round(s / 86_400);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** Left-aligned text columns (numbers right-aligned), as `ls -l` and `docker ps` print them. */
export function formatTable(header: string[], rows: string[][], rightAligned: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells
    .map((c, i) => (i === cells.length - 1 && !rightAligned.has(i) ? c : rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
    .join('  ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

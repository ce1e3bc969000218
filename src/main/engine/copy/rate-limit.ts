import { FerryError } from '../../../shared/errors';

/**
 * A copy speed limit (rsync's --bwlimit, robocopy's /IPG): a token bucket charged with each file's size
 * when it is handed to a worker. A file bigger than the bucket is let through on credit and the job then
 * waits until the debt is paid, so the average rate holds while a single file still copies at disk speed.
 * The clock is passed in: the arithmetic is tested without timing anything.
 */
export class RateLimit {
  /** Up to this many bytes may go out at once after an idle spell (a fifth of a second's worth). */
  private readonly burst: number;
  private tokens: number;
  private last: number;

  constructor(readonly bytesPerSecond: number, now: number) {
    if (!(bytesPerSecond > 0) || !Number.isFinite(bytesPerSecond)) throw new RangeError(`rate must be a positive number, not ${bytesPerSecond}`);
    this.burst = Math.max(64 * 1024, bytesPerSecond / 5);
    this.tokens = this.burst;
    this.last = now;
  }

  /** Milliseconds to wait before the next file may go out (0 = now). */
  delayMs(now: number): number {
    this.refill(now);
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.bytesPerSecond) * 1000);
  }

  /** Bytes that may go out now without running into debt (at least one file always may, when not in debt). */
  available(now: number): number {
    this.refill(now);
    return Math.max(0, this.tokens);
  }

  charge(bytes: number, now: number): void {
    this.refill(now);
    this.tokens -= bytes;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.bytesPerSecond);
  }
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/**
 * "512K", "4M", "1.5G", "100000" (bytes a second; K/M/G are powers of 1024, with or without "B" or
 * "/s"); "0" means no limit (as rsync's --bwlimit=0), e.g. to lift a job's limit on resume.
 */
export function parseRate(text: string, what = '--limit-rate'): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?(?:\/s)?\s*$/i.exec(text);
  const value = match ? Number(match[1]) * UNITS[match[2]!.toLowerCase()]! : NaN;
  if (value === 0) return 0;
  if (!Number.isFinite(value) || value < 1) {
    throw new FerryError('INVALID_INPUT', `${what} must be a speed such as 512K, 20M or 1G (bytes a second; 0 for none), not '${text}'`);
  }
  return Math.floor(value);
}

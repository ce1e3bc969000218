import { FerryError } from '../../../shared/errors';

/**
 * A copy speed limit (rsync's --bwlimit, robocopy's /IPG), shared by a job's copy workers and charged as
 * bytes flow: each worker charges every chunk it copies, so a single large file keeps the rate as well as
 * many small ones. GCRA (the generic cell rate algorithm): one shared "theoretical arrival time" (TAT)
 * on the monotonic clock, advanced by each chunk's cost (bytes / rate) with a compare-and-swap; a chunk
 * whose TAT runs more than the burst ahead of now waits until it does not. Idle time earns no more than
 * the burst, so the average over the job holds. The clock is passed in: the arithmetic is tested
 * without timing anything.
 */
export class SharedRateLimit {
  /** [0] TAT in ns of the monotonic clock, [1] bytes a second, [2] burst tolerance in ns. */
  private readonly cells: BigInt64Array;

  /** The shared memory of a new limit, to hand to each worker (structured clone shares it). */
  static buffer(bytesPerSecond: number): SharedArrayBuffer {
    if (!(bytesPerSecond > 0) || !Number.isFinite(bytesPerSecond)) throw new RangeError(`rate must be a positive number, not ${bytesPerSecond}`);
    const buffer = new SharedArrayBuffer(3 * BigInt64Array.BYTES_PER_ELEMENT);
    const cells = new BigInt64Array(buffer);
    const rate = Math.floor(bytesPerSecond);
    // Up to this many bytes may go out at once after an idle spell (a fifth of a second's worth).
    const burst = Math.max(64 * 1024, rate / 5);
    cells[1] = BigInt(rate);
    cells[2] = BigInt(Math.round((burst / rate) * 1e9));
    return buffer;
  }

  constructor(buffer: SharedArrayBuffer) {
    this.cells = new BigInt64Array(buffer);
  }

  get bytesPerSecond(): number { return Number(this.cells[1]); }

  /** Charges `bytes` that went out at `nowNs`; returns how many ns the caller waits before going on (0n: none). */
  charge(bytes: number, nowNs: bigint): bigint {
    const cost = (BigInt(bytes) * 1_000_000_000n) / this.cells[1]!;
    const tolerance = this.cells[2]!;
    for (;;) {
      const tat = Atomics.load(this.cells, 0);
      const next = (tat > nowNs ? tat : nowNs) + cost;
      if (Atomics.compareExchange(this.cells, 0, tat, next) !== tat) continue; // another worker charged meanwhile
      const wait = next - tolerance - nowNs;
      return wait > 0n ? wait : 0n;
    }
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

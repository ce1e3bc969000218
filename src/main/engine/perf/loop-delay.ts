import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * Event-loop delay as people mean it: how late a timer fires. Node's histogram records the whole
 * interval between firings, the sampling resolution included (an idle loop reads ~10 ms at a 10 ms
 * resolution), so the resolution is taken off here.
 */
export class LoopDelay {
  private readonly histogram: IntervalHistogram;

  constructor(private readonly resolutionMs = 5) {
    this.histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  }

  start(): void { this.histogram.enable(); }

  /** Stops sampling; milliseconds late at the 99th percentile and at worst. */
  stop(): { p99: number; max: number } {
    this.histogram.disable();
    const late = (ns: number) => Math.max(0, ns / 1e6 - this.resolutionMs);
    return { p99: late(this.histogram.percentile(99)), max: late(this.histogram.max) };
  }
}

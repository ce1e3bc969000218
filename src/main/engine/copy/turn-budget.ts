/**
 * Bounds the synchronous work the host thread does in one turn of the event loop: a macrotask and
 * the promise callbacks it sets off, which run back to back without letting timers or I/O in. Past
 * `budgetMs`, `spent()` answers true and `resumeLater` is called on the next turn (once), so a
 * dispatcher that settles thousands of files at once (a second run under `skip`) stays responsive.
 */
export class TurnBudget {
  private start = 0;
  private open = false;
  private resumeScheduled = false;

  constructor(private readonly budgetMs: number, private readonly resumeLater: () => void) {}

  spent(): boolean {
    const now = performance.now();
    if (!this.open) {
      // The window closes at the next check phase: whatever runs after that is a new turn.
      this.open = true;
      this.start = now;
      setImmediate(() => { this.open = false; });
    }
    if (now - this.start <= this.budgetMs) return false;
    if (!this.resumeScheduled) {
      this.resumeScheduled = true;
      setImmediate(() => { this.resumeScheduled = false; this.resumeLater(); });
    }
    return true;
  }
}

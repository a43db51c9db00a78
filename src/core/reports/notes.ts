/**
 * Collects "left out" notes while figures are computed: one counter per (reason, figure) pair, so
 * 100k bad rows make one sentence, not 100k. Rendered as plain language for the report tabs.
 */
export class SkipNotes {
  private readonly counts = new Map<string, { reason: string; figure: string; count: number }>();
  private readonly extra: string[] = [];

  /** e.g. skip('with a missing Requested At', 'time to approve'). */
  skip(reason: string, figure: string, count = 1): void {
    if (count <= 0) return;
    const key = `${reason}\u0000${figure}`;
    const entry = this.counts.get(key);
    if (entry) entry.count += count;
    else this.counts.set(key, { reason, figure, count });
  }

  /** A note that is not about skipped work orders (e.g. change-log rows, an unknown time zone). */
  add(note: string): void {
    this.extra.push(note);
  }

  render(): string[] {
    const lines = [...this.counts.values()].map(({ reason, figure, count }) => {
      const plural = count === 1 ? 'work order' : 'work orders';
      return `${count} ${plural} ${reason} ${count === 1 ? 'was' : 'were'} left out of ${figure}.`;
    });
    return [...lines, ...this.extra];
  }
}

/**
 * The world's clock. Real time by default; tests and the workbench move it forward to see due dates
 * pass. Scripts see it through `new Date()` and `Date.now()` inside the sandbox.
 *
 * With a time scale above 1 the clock runs that many times faster than real time (from an anchor:
 * `anchorMs` is the world's time at real instant `anchorRealMs`), so limits measured in minutes of
 * Apps Script time can be reached in milliseconds of test time.
 */
export class Clock {
  private anchorMs: number;
  private anchorRealMs: number;
  private rate: number;

  constructor(scale = 1) {
    this.rate = Clock.checked(scale);
    this.anchorRealMs = Date.now();
    this.anchorMs = this.anchorRealMs;
  }
  private static checked(scale: number): number {
    if (!Number.isFinite(scale) || scale <= 0)
      throw new Error(`timeScale must be a positive number, got ${scale}`);
    return scale;
  }
  /** How many times faster than real time the world's clock runs. */
  get scale(): number {
    return this.rate;
  }
  /**
   * Runs the clock `scale` times faster from now on, the world's time going on from where it is. Taken
   * by each execution as it starts: set it between executions (a test sets a workbook up at real speed,
   * so that setup's own minutes are not scaled past the execution limit on a busy machine, then speeds up).
   */
  setScale(scale: number): void {
    const checked = Clock.checked(scale);
    this.rebase(this.nowMs());
    this.rate = checked;
  }
  now(): Date {
    return new Date(this.nowMs());
  }
  nowMs(): number {
    return this.at(Date.now());
  }
  /** The world's time at real instant `realMs`. */
  at(realMs: number): number {
    return this.anchorMs + (realMs - this.anchorRealMs) * this.scale;
  }
  /** What the sandbox needs to compute the same clock: world time = anchorMs + (real - anchorRealMs) × scale. */
  get anchor(): { anchorMs: number; anchorRealMs: number; scale: number } {
    return { anchorMs: this.anchorMs, anchorRealMs: this.anchorRealMs, scale: this.scale };
  }
  /** How far the world's clock is ahead of real time now (saved by runtime/persistence.ts). */
  get offset(): number {
    // One real instant for both terms: two Date.now() calls may straddle a millisecond tick.
    const real = Date.now();
    return this.at(real) - real;
  }
  /** Real milliseconds that `modelledMs` of the world's time take. */
  realMs(modelledMs: number): number {
    return modelledMs / this.scale;
  }
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new Error(`Clock.advance: ms must be a non-negative number, got ${ms}`);
    this.anchorMs += ms;
  }
  set(date: Date): void {
    this.rebase(date.getTime());
  }
  /** Restores a saved offset (runtime/persistence.ts): the world's time goes on from where it was shifted. */
  setOffset(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error(`Clock.setOffset: ms must be a finite number, got ${ms}`);
    this.rebase(Date.now() + ms);
  }
  private rebase(worldMs: number): void {
    this.anchorRealMs = Date.now();
    this.anchorMs = worldMs;
  }
}

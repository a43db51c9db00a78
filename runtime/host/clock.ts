/**
 * The world's clock. Real time by default; tests and the workbench move it forward to see due dates
 * pass. Scripts see it through `new Date()` and `Date.now()` inside the sandbox.
 */
export class Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(this.nowMs());
  }
  nowMs(): number {
    return Date.now() + this.offsetMs;
  }
  get offset(): number {
    return this.offsetMs;
  }
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new Error(`Clock.advance: ms must be a non-negative number, got ${ms}`);
    this.offsetMs += ms;
  }
  set(date: Date): void {
    this.offsetMs = date.getTime() - Date.now();
  }
  /** Restores a saved offset (runtime/persistence.ts): the world's time goes on from where it was shifted. */
  setOffset(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error(`Clock.setOffset: ms must be a finite number, got ${ms}`);
    this.offsetMs = ms;
  }
}

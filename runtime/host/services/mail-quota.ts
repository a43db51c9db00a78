/**
 * Each account's daily email-recipient count. Google's quotas page: "Quotas are per user and reset 24
 * hours after the first request" (developers.google.com/apps-script/guides/services/quotas): a
 * window opens with the first message an account sends and closes 24 hours later, whatever the hour;
 * there is no reset at midnight.
 */
import { zonedToDate } from '../time-zone';

export const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

interface Window {
  startMs: number;
  used: number;
}

export class RecipientWindows {
  private readonly windows = new Map<string, Window>();

  /** Recipients `user` has used in the window open at `nowMs` (0 when none is open). */
  used(user: string, nowMs: number): number {
    const w = this.windows.get(user);
    return w && nowMs < w.startMs + QUOTA_WINDOW_MS ? w.used : 0;
  }

  /** Counts `recipients` sent at `atMs`, opening a new window if none is open then. */
  add(user: string, atMs: number, recipients: number): void {
    const w = this.windows.get(user);
    if (w && atMs < w.startMs + QUOTA_WINDOW_MS) w.used += recipients;
    else this.windows.set(user, { startMs: atMs, used: recipients });
  }

  clear(): void {
    this.windows.clear();
  }

  /** As plain data: `user|windowStartMs` → recipients used (runtime/persistence.ts). */
  exportState(): [string, number][] {
    return [...this.windows].map(([user, w]) => [`${user}|${w.startMs}`, w.used]);
  }

  /** Reads what exportState wrote; a key saved by day (`user|yyyy-MM-dd`) opens at that midnight. */
  importState(entries: readonly [string, number][], timeZone: string): void {
    this.windows.clear();
    for (const [key, used] of entries) {
      const bar = key.lastIndexOf('|');
      const user = key.slice(0, bar);
      const when = key.slice(bar + 1);
      const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(when);
      const startMs = day
        ? zonedToDate(Number(day[1]), Number(day[2]), Number(day[3]), 0, 0, 0, timeZone).getTime()
        : Number(when);
      const existing = this.windows.get(user);
      if (!existing || existing.startMs < startMs) this.windows.set(user, { startMs, used });
    }
  }
}

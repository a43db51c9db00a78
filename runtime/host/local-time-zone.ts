/**
 * JavaScript's local time inside a script: on Apps Script it is the project's time zone (appsscript.json
 * `timeZone`, the one Session.getScriptTimeZone returns), not the server's. `new Date(2026, 0, 1)`,
 * `getHours()`, `toString()` and `Date.parse('2026-01-02T10:00')` all follow it, so a script that
 * forgets a time zone gets the project's, and its tests must see the same here, whatever zone the
 * machine running them is in.
 *
 * Node keeps one local zone per process (the TZ variable, read by ICU), and each worker isolate caches
 * it until it assigns TZ itself: so the sandbox workers share the host's environment and each sets TZ
 * before an execution whose zone differs from the last it ran (sandbox/worker.ts). Executions of
 * projects in different zones therefore cannot run at the same moment in one process: that is refused
 * here rather than letting one execution's clock move under another's.
 */
import { resolveZone } from './time-zone';

/**
 * The machine's own local zone, as the process started: what a browser on this machine shows (a
 * sidebar's page runs in the user's browser, in the user's zone, never the project's).
 */
export const MACHINE_TIME_ZONE: string =
  process.env.TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'Etc/UTC';

/** The TZ value giving Node's local time the zone Apps Script would use for `scriptTimeZone`. */
export function localZoneFor(scriptTimeZone: string): string {
  const zone = resolveZone(scriptTimeZone);
  if (zone.kind === 'iana') return zone.id;
  // Java's custom ids ("GMT+5") and an unknown id (Java falls back to GMT) are fixed offsets. The IANA
  // "Etc/GMT" zones name whole hours only, with the sign reversed (POSIX).
  if (zone.offsetMinutes === 0) return 'Etc/UTC';
  if (zone.offsetMinutes % 60 !== 0) {
    throw new Error(
      `runtime: JavaScript's local time in the project's time zone "${scriptTimeZone}" (a custom offset with minutes) is not modelled; use an IANA id such as "Asia/Kolkata" in appsscript.json`,
    );
  }
  const hours = zone.offsetMinutes / 60;
  return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/** The zone of every execution running now in this process, with how many. */
const running = new Map<string, number>();

/**
 * Marks an execution in `zone` as started; returns its release. Throws when executions in another
 * zone are running: Node's local time is one per process.
 */
export function enterLocalZone(zone: string): () => void {
  const other = [...running.keys()].find((z) => z !== zone);
  if (other !== undefined) {
    throw new Error(
      `runtime: an execution in the time zone ${zone} cannot start while executions in ${other} run: JavaScript's local time is one per process here (run such projects one after the other)`,
    );
  }
  running.set(zone, (running.get(zone) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (running.get(zone) ?? 1) - 1;
    if (left > 0) running.set(zone, left);
    else running.delete(zone);
  };
}

/**
 * The demo history's dice and clock: a seeded random source (the same history on every first start),
 * office hours in the workbook's time zone, and the timeline that plays the history's steps in time
 * order with the world clock moved to each.
 */
import type { LocalAppsScript } from '../../runtime';
import { isWeekend, localParts, startOfLocalDay } from '../../src/core/time';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A small seeded generator (mulberry32): the same history on every first start. */
function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Dice {
  /** A number in [0, 1). */
  random(): number;
  /** One of `list`. */
  pick<T>(list: readonly T[]): T;
  /** A number in [lo, hi). */
  between(lo: number, hi: number): number;
}

/** Every roll of the history comes from one seeded source, so the order of rolls is the history. */
export function seededDice(seed: number): Dice {
  const random = randomSource(seed);
  return {
    random,
    pick: <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!,
    between: (lo: number, hi: number) => lo + random() * (hi - lo),
  };
}

/**
 * The next office-hours instant at or after `ms` (weekdays 8:00–17:00 local); a morning start falls
 * somewhere in the first hour and a half.
 */
export function nextOfficeHour(ms: number, timeZone: string, dice: Dice): number {
  let t = ms;
  for (let i = 0; i < 10; i++) {
    const f = localParts(new Date(t), timeZone);
    if (isWeekend(f.weekday) || f.hour >= 17)
      t = startOfLocalDay(new Date(t), timeZone, 1).getTime() + 8 * HOUR + dice.between(0, 1.5) * HOUR;
    else if (f.hour < 8)
      t = startOfLocalDay(new Date(t), timeZone, 0).getTime() + 8 * HOUR + dice.between(0, 1.5) * HOUR;
    else return t;
  }
  return t;
}

interface Step {
  at: number;
  order: number;
  run: () => Promise<void>;
}

/** Actions in time order; an action may plan later ones. */
export class Timeline {
  private readonly steps: Step[] = [];
  private counter = 0;
  add(at: number, run: () => Promise<void>): void {
    this.steps.push({ at, order: this.counter++, run });
  }
  async play(rt: LocalAppsScript, until: number): Promise<void> {
    for (;;) {
      this.steps.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.steps[0];
      if (!next || next.at > until) return;
      this.steps.shift();
      rt.world.clock.set(new Date(next.at));
      await next.run();
    }
  }
}

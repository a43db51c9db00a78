/**
 * What a technician's hour costs: the Staff tab's optional Hourly Rate column, else the Settings'
 * defaultHourlyRate. Pure; read by Report: Cost and checked when Staff is edited.
 */
import { cellText, mapHeaders } from './headers';
import { HOURLY_RATE_HEADER, num } from './labour';

export interface Rates {
  byEmail: ReadonlyMap<string, number>;
  fallback: number;
  /** "Staff row 4: Hourly Rate "abc" is not a number of 0 or more; the default rate is used". */
  problems: string[];
}

/** The technicians' rates from the Staff tab's optional Hourly Rate column. */
export function ratesFrom(staffValues: readonly (readonly unknown[])[], fallback: number): Rates {
  const byEmail = new Map<string, number>();
  const problems: string[] = [];
  const header = staffValues[0];
  if (!header) return { byEmail, fallback, problems };
  const at = mapHeaders(header, { email: 'Email', rate: HOURLY_RATE_HEADER }).indexOf;
  if (at.email < 0 || at.rate < 0) return { byEmail, fallback, problems };
  staffValues.slice(1).forEach((cells, i) => {
    const email = cellText(cells[at.email]).trim().toLowerCase();
    const raw = cellText(cells[at.rate]).trim();
    if (email === '' || raw === '') return;
    const rate = num(cells[at.rate]);
    if (!Number.isFinite(rate) || rate < 0) {
      problems.push(
        `Staff row ${i + 2}: ${HOURLY_RATE_HEADER} "${raw}" is not a number of 0 or more; the default rate is used`,
      );
      return;
    }
    byEmail.set(email, rate);
  });
  return { byEmail, fallback, problems };
}

export function rateOf(rates: Rates, technician: string): number {
  return rates.byEmail.get(technician.trim().toLowerCase()) ?? rates.fallback;
}

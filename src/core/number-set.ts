/**
 * A set of small positive integers (request numbers) as compact text: one bit per number from 1,
 * six to a character. 100,000 numbers take about 17,000 characters, whatever their pattern.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

export class NumberSet {
  private constructor(private readonly bits: number[]) {}

  static empty(): NumberSet {
    return new NumberSet([]);
  }

  /** The set `text` encodes; null when it is not such a text. */
  static decode(text: string): NumberSet | null {
    const bits: number[] = [];
    for (const c of text) {
      const v = VALUE.get(c);
      if (v === undefined) return null;
      bits.push(v);
    }
    return new NumberSet(bits);
  }

  has(n: number): boolean {
    if (!Number.isInteger(n) || n < 1) return false;
    const i = n - 1;
    return (((this.bits[Math.floor(i / 6)] ?? 0) >> (i % 6)) & 1) === 1;
  }

  add(n: number): void {
    if (!Number.isInteger(n) || n < 1) return;
    const i = n - 1;
    const at = Math.floor(i / 6);
    while (this.bits.length <= at) this.bits.push(0);
    this.bits[at] = (this.bits[at] ?? 0) | (1 << (i % 6));
  }

  /** How many numbers the set holds. */
  size(): number {
    let n = 0;
    for (let v of this.bits) {
      for (; v !== 0; v &= v - 1) n++;
    }
    return n;
  }

  encode(): string {
    let end = this.bits.length;
    while (end > 0 && this.bits[end - 1] === 0) end--;
    return this.bits
      .slice(0, end)
      .map((v) => ALPHABET[v])
      .join('');
  }
}

/**
 * Apps Script enums as scripts see them on Google: a value such as `ScriptApp.AuthMode.FULL` is an
 * object, not a string. `typeof` is 'object', `x === 'FULL'` is false, while `String(x)`,
 * `x.toString()`, `x.name()` and `x.toJSON()` give 'FULL' (so JSON.stringify(e) shows
 * "authMode":"FULL" on V8), `x.ordinal()` is its position in the reference's list and
 * `x.compareTo(y)` the difference of ordinals. A getter's value (`Protection.getProtectionType()`,
 * `e.authMode`) is the very object of the constant, so `==` and `===` between enum values hold.
 * The enum itself is its first value, whose properties name every value (so `AuthMode.FULL.LIMITED`
 * is `AuthMode.LIMITED`): brucemcpherson/fakegasenum's README, written from live Apps Script.
 * Sources: that README and gas-fakes' live tests (test/testenums.js); an argument declared as an enum
 * refuses a string with the signature error (gas-fakes' notes: "Live GAS actively rejects string
 * literals for Charts Enums").
 *
 * In the host an enum value is a GasEnumValue (one object per value, so `===` works here too); on the
 * wire it travels as `{$e: id, $v: name, $k: names}` and the sandbox's prelude keeps one object per
 * value and context, which is what makes the script's values identical.
 */
export class GasEnum<N extends string = string> {
  private readonly byName = new Map<string, GasEnumValue<N>>();
  readonly names: readonly N[];

  /** `id` is how the reference qualifies it, e.g. `ScriptApp.AuthMode`. */
  constructor(
    readonly id: string,
    names: readonly N[],
  ) {
    this.names = names;
    names.forEach((name, ordinal) => this.byName.set(name, new GasEnumValue(this, name, ordinal)));
    REGISTRY.set(id, this as unknown as GasEnum);
  }

  /** The value for a name the runtime keeps internally (a protection's 'RANGE'). */
  value(name: N): GasEnumValue<N> {
    const value = this.byName.get(name);
    if (!value) throw new Error(`${this.id} has no value ${name}`);
    return value;
  }

  /** The name of `arg` if it is one of this enum's values, else null (a string is not one). */
  nameOf(arg: unknown): N | null {
    return arg instanceof GasEnumValue && arg.enumType === (this as unknown) ? (arg.name as N) : null;
  }

  /** The enum as a static property holds it: `SpreadsheetApp.ProtectionType` is its first value. */
  toWire(): EnumWire {
    return { $e: this.id, $k: [...this.names] };
  }
}

export class GasEnumValue<N extends string = string> {
  constructor(
    readonly enumType: GasEnum<N>,
    readonly name: N,
    readonly ordinal: number,
  ) {}
  toString(): string {
    return this.name;
  }
  /** As the script's value: JSON.stringify shows the name (a logged object, a cached structure). */
  toJSON(): string {
    return this.name;
  }
  toWire(): EnumWire {
    return { $e: this.enumType.id, $v: this.name, $k: [...this.enumType.names] };
  }
}

/** The wire shape of an enum value (`$v` absent: the enum itself, i.e. its first value). */
export interface EnumWire {
  $e: string;
  $v?: string;
  $k: string[];
}

const REGISTRY = new Map<string, GasEnum>();

/** The script-facing enum of a runtime constant table such as `{ RANGE: 'RANGE', SHEET: 'SHEET' }`. */
export function gasEnum<T extends Record<string, string>>(id: string, table: T): GasEnum<keyof T & string> {
  return new GasEnum(id, Object.keys(table) as Array<keyof T & string>);
}

/**
 * The host value a script's enum value stands for (`name` undefined: the enum itself, its first
 * value); null for an id or name the runtime does not know.
 */
export function enumFromWire(id: unknown, name: unknown): GasEnumValue | null {
  const type = typeof id === 'string' ? REGISTRY.get(id) : undefined;
  if (!type) return null;
  if (name === undefined) return type.value(type.names[0]!);
  return typeof name === 'string' && type.names.includes(name) ? type.value(name) : null;
}

/** Static properties (`{ AuthMode: GasEnum }`) in the form the sandbox builds its enums from. */
export function staticPropsToWire(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).map(([key, value]) => [key, value instanceof GasEnum ? value.toWire() : value]),
  );
}

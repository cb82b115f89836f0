import { SecretsError } from './errors.js';

const REDACTED = '[redacted]';
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * The secrets an app loaded. Read one with `secrets.get('NAME')` (throws on an unknown name,
 * so a typo fails loudly) or as a property, `secrets.NAME`. Printing, logging, inspecting or
 * JSON-serializing the container shows names only; spreading it or listing its keys copies
 * nothing, since the properties are not enumerable.
 */
export class Secrets<Name extends string = string> {
  readonly #values: ReadonlyMap<string, string>;

  constructor(values: ReadonlyMap<string, string>) {
    this.#values = new Map(values);
    for (const name of this.#values.keys()) {
      // A name that clashes with a method ("get", "toJSON") stays reachable through get().
      if (name in this) continue;
      Object.defineProperty(this, name, { get: () => this.#values.get(name), enumerable: false, configurable: false });
    }
    Object.freeze(this);
  }

  /**
   * The value of `name`; throws a SecretsError (naming the secret, never a value) when there is
   * none. Required names autocomplete; any other loaded name is accepted too.
   */
  get(name: Name | (string & Record<never, never>)): string {
    const value = this.#values.get(name);
    if (value === undefined) {
      throw new SecretsError(`no secret named ${JSON.stringify(String(name).slice(0, 140))}; loaded: ${this.names().join(', ') || '(none)'}`);
    }
    return value;
  }

  /** The value of `name`, or undefined. */
  find(name: string): string | undefined {
    return this.#values.get(name);
  }

  has(name: string): boolean {
    return this.#values.has(name);
  }

  names(): string[] {
    return [...this.#values.keys()].sort();
  }

  get size(): number {
    return this.#values.size;
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries(this.names().map((n) => [n, REDACTED]));
  }

  toString(): string {
    return `[Secrets: ${this.size} value(s) redacted]`;
  }

  [INSPECT](): string {
    return `Secrets { ${this.names().map((n) => `${n}: ${REDACTED}`).join(', ')} }`;
  }
}

/** The container's type with typed property access for the required names. */
export type LoadedSecrets<Name extends string> = Secrets<Name> & { readonly [K in Name]: string };

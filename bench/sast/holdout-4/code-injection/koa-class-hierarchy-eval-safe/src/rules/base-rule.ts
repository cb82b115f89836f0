import { evaluate } from 'mathjs';

export abstract class BaseRule {
  protected abstract readonly defaults: Record<string, number>;

  protected compute(expression: string, vars: Record<string, number>): number {
    const scope = { ...this.defaults, ...vars };
    // mathjs parses its own expression language; it cannot reach JavaScript globals.
    return Number(evaluate(expression, scope));
  }
}

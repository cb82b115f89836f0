import { evaluate } from 'mathjs';

export abstract class BaseRule {
  protected abstract readonly defaults: Record<string, number>;

  protected compute(expression: string, vars: Record<string, number>): number {
    const scope = { ...this.defaults, ...vars };
    const names = Object.keys(scope).join(', ');
    return eval(`(function (${names}) { return ${expression}; })`)(...Object.values(scope)); // expect: code-injection
  }
}

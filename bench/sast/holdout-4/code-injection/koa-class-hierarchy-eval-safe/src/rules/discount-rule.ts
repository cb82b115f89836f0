import { BaseRule } from './base-rule';

export class DiscountRule extends BaseRule {
  protected readonly defaults = { subtotal: 0, items: 0 };

  apply(expression: string, subtotal: number, items: number): number {
    const discount = this.compute(expression, { subtotal, items });
    return Math.max(0, Math.min(subtotal, discount));
  }
}

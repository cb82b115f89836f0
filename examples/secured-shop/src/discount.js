/**
 * Promo price rules such as `price*0.9` or `(price-2)*0.95`, evaluated by a small parser instead of
 * eval(): numbers, the variable `price`, + - * / and parentheses, nothing else. Input is at most
 * 64 characters and the parser reads each character once, so no rule can run code, loop or take long.
 */

export const MAX_RULE_LENGTH = 64;

export class DiscountRuleError extends Error {}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|(price)|([-+*/()]))/y;

function tokenize(rule) {
  const tokens = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < rule.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(rule);
    if (!m) {
      if (rule.slice(start).trim() === '') break;
      throw new DiscountRuleError(`unexpected character at position ${start + 1}`);
    }
    if (m[1] !== undefined) tokens.push({ kind: 'number', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ kind: 'price' });
    else tokens.push({ kind: 'op', value: m[3] });
  }
  return tokens;
}

/** Evaluates a rule for one price; throws DiscountRuleError on anything but the grammar above. */
export function applyDiscountRule(rule, price) {
  if (typeof rule !== 'string' || rule.length === 0 || rule.length > MAX_RULE_LENGTH) {
    throw new DiscountRuleError(`a rule is 1 to ${MAX_RULE_LENGTH} characters`);
  }
  const tokens = tokenize(rule);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (value) => peek()?.kind === 'op' && peek().value === value;

  // expression := term (('+' | '-') term)* ; term := factor (('*' | '/') factor)* ;
  // factor := number | 'price' | '-' factor | '(' expression ')'
  function expression(depth) {
    let value = term(depth);
    while (isOp('+') || isOp('-')) value = tokens[pos++].value === '+' ? value + term(depth) : value - term(depth);
    return value;
  }
  function term(depth) {
    let value = factor(depth);
    while (isOp('*') || isOp('/')) value = tokens[pos++].value === '*' ? value * factor(depth) : value / factor(depth);
    return value;
  }
  function factor(depth) {
    if (depth > 16) throw new DiscountRuleError('too deeply nested');
    const t = tokens[pos++];
    if (!t) throw new DiscountRuleError('the rule ends too early');
    if (t.kind === 'number') return t.value;
    if (t.kind === 'price') return price;
    if (t.value === '-') return -factor(depth + 1);
    if (t.value === '(') {
      const value = expression(depth + 1);
      if (!isOp(')')) throw new DiscountRuleError('a parenthesis is not closed');
      pos++;
      return value;
    }
    throw new DiscountRuleError(`unexpected "${t.value}"`);
  }

  const value = expression(0);
  if (pos !== tokens.length) throw new DiscountRuleError('unexpected text after the rule');
  if (!Number.isFinite(value)) throw new DiscountRuleError('the rule does not give a number');
  return value;
}

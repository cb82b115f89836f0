import { NO_ATTACK, type Inspection } from '../attack.js';
import type { UserInput } from '../context.js';

// Markup that runs script when reflected into HTML: a tag, an event-handler attribute, a
// javascript: URL. `<3` and `a < b` are prose, not tags.
const TAG = /<\/?[A-Za-z!?]/;
// An event attribute needs a separator before it to start a new attribute (`onion=good` is prose).
const EVENT_ATTRIBUTE = /[\s"'/]on[a-z]{3,30}\s*=/i;
const JS_URL = /javascript\s*:/i;

/** Reflected XSS: user input with markup found verbatim (unescaped) in an HTML response body. */
export function detectReflectedXss(html: string, inputs: readonly UserInput[]): Inspection & { source?: string } {
  for (const input of inputs) {
    const v = input.value;
    if (v.length < 3 || v.length > html.length) continue;
    if (!TAG.test(v) && !EVENT_ATTRIBUTE.test(v) && !JS_URL.test(v)) continue;
    if (html.includes(v)) {
      return { attack: true, kind: 'reflected-xss', payload: v, reason: 'input with markup reflected unescaped into an HTML response', source: input.source };
    }
  }
  return NO_ATTACK;
}

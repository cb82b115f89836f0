/**
 * Building blocks of the rule regexes. Every quantifier is bounded and no quantified group
 * can match the same text two ways, so each regex runs in linear time on any line.
 */

/**
 * A TypeScript type annotation between a name and its `=`: `API_KEY: string = "..."`. Tried
 * before the bare `:` of YAML and JSON; bounded and unambiguous.
 */
export const TYPE_ANNOTATION = String.raw`:\s{0,3}[A-Za-z_$][\w$.]{0,30}(?:\[\])?\s{0,3}=(?!=)`;

/**
 * Between a key and its value: quotes, spaces and an assignment operator (=, :, :=, =>, ?=,
 * `: type =`); in XML, the end of the element's start tag (`<twilioAuthToken>value`) or the
 * value attribute after a key attribute (`<add key="TwilioAuthToken" value="...`).
 */
export const ASSIGN = String.raw`(?:["']\s{1,40}value\s{0,3}=\s{0,3}["']|>\s{0,80}|["'\]]?\s{0,5}(?:${TYPE_ANNOTATION}|=|:=|:|=>|\?=)\s{0,5}["'\x60]?)`;

/**
 * A value assigned to a key containing one of `keys` (case-insensitive), e.g.
 * `HEROKU_API_KEY=...`, `"twilioAuthToken": "..."`: up to 40 name characters may sit between
 * the keyword and the assignment. The value is the only capture group.
 */
export function keyed(keys: string, value: string): RegExp {
  return new RegExp(String.raw`(?:${keys})[\w.-]{0,40}?${ASSIGN}(${value})(?![\w/+=-])`, 'gi');
}

/** A token with a distinctive prefix, not glued to other word characters. The token is group 1. */
export function token(pattern: string, flags = 'g'): RegExp {
  return new RegExp(String.raw`(?<![\w-])(${pattern})(?![\w-])`, flags);
}

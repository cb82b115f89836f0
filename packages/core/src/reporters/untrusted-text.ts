/**
 * Messages, snippets and file names come from the scanned code: untrusted. A snippet that
 * carries an escape sequence could repaint the user's terminal, and bidirectional controls
 * (CVE-2021-42574, "Trojan Source") make code read differently than it runs. Reporters show
 * such characters as visible `<U+XXXX>` marks instead of passing them through.
 */
// C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
// and the line/paragraph separators that some terminals and browsers treat as newlines.
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function mark(ch: string): string {
  return `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Keeps newlines and tabs; every other invisible or control character becomes `<U+XXXX>`. */
export function revealControlChars(text: string): string {
  return text.replace(HIDDEN, mark);
}

/** One line of text: control characters revealed, newlines (also `\r\n`) shown as `⏎ `. */
export function singleLine(text: string): string {
  return revealControlChars(text.replace(/\r?\n/g, '⏎ '));
}

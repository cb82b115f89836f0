import { marked } from 'marked';
import DOMPurify from 'isomorphic-dompurify';

export function renderComment(text: string): string {
  const html = DOMPurify.sanitize(marked.parse(text, { async: false }) as string);
  return `<div class="comment">${html}</div>`;
}

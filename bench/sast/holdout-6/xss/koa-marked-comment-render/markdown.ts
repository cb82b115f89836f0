import { marked } from 'marked';

export function renderComment(text: string): string {
  const html = marked.parse(text, { async: false }) as string;
  return `<div class="comment">${html}</div>`;
}

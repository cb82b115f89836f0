import { marked } from 'marked';

export async function renderMarkdown(source: string): Promise<string> {
  const html = await marked.parse(source);
  return html;
}

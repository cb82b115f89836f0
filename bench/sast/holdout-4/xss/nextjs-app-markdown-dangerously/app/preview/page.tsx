import { marked } from 'marked';
import DOMPurify from 'isomorphic-dompurify';

type Props = { searchParams: Promise<{ md?: string }> };

function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false }) as string;
}

export default async function PreviewPage({ searchParams }: Props) {
  const { md = '' } = await searchParams;
  const html = renderMarkdown(md);
  return (
    <article
      className="prose"
      dangerouslySetInnerHTML={{ __html: html }} // expect: xss
    />
  );
}

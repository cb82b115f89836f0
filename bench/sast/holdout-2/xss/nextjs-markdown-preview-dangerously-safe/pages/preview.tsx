import type { GetServerSideProps } from 'next';
import { renderMarkdown } from '../lib/markdown';

type Props = { html: string };

export const getServerSideProps: GetServerSideProps<Props> = async ({ query }) => {
  const source = typeof query.md === 'string' ? query.md : '';
  return { props: { html: await renderMarkdown(source) } };
};

export default function Preview({ html }: Props) {
  return (
    <main>
      <h1>Preview</h1>
      <article
        className="prose"
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </main>
  );
}

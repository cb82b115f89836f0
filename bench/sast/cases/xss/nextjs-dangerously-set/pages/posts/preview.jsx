export async function getServerSideProps(context) {
  const draft = typeof context.query.draft === 'string' ? context.query.draft : '';
  return { props: { draft } };
}

export default function PreviewPage({ draft }) {
  return (
    <main>
      <h1>Preview</h1>
      <article
        className="post-body"
        dangerouslySetInnerHTML={{ __html: draft }} // expect: xss
      />
    </main>
  );
}

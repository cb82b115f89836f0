const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function getServerSideProps({ query }) {
  const who = typeof query.who === 'string' ? query.who : 'friend';
  return { props: { greeting: `<b>Hello, ${who}</b>`, title: escapeHtml(who) } };
}

export default function Greet({ greeting }) {
  return (
    <main
      dangerouslySetInnerHTML={{ __html: greeting }} // expect: xss
    />
  );
}

import type { GetServerSideProps } from 'next';

const CAMPAIGNS: Record<string, string> = {
  spring: '/sale/spring',
  pro: '/pricing#pro',
};

export const getServerSideProps: GetServerSideProps = async ({ query }) => {
  const to = Array.isArray(query.to) ? query.to[0] : query.to;
  if (!to) return { notFound: true };
  return { redirect: { destination: to, permanent: false } }; // expect: open-redirect
};

export default function Go() {
  return null;
}

import type { GetServerSideProps } from 'next';

const CAMPAIGNS: Record<string, string> = {
  spring: '/sale/spring',
  pro: '/pricing#pro',
};

export const getServerSideProps: GetServerSideProps = async ({ query }) => {
  const to = Array.isArray(query.to) ? query.to[0] : query.to;
  if (!to) return { notFound: true };
  const destination = Object.hasOwn(CAMPAIGNS, to) ? CAMPAIGNS[to] : '/';
  return { redirect: { destination, permanent: false } };
};

export default function Go() {
  return null;
}

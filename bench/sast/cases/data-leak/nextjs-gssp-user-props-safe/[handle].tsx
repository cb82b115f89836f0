import type { GetServerSideProps } from 'next';
import { prisma } from './prisma';

type Props = { user: { handle: string; displayName: string; bio: string | null } };

export const getServerSideProps: GetServerSideProps<Props> = async ({ params }) => {
  const handle = String(params?.handle ?? '');
  const user = await prisma.user.findUnique({ where: { handle }, select: { handle: true, displayName: true, bio: true } });
  if (!user) return { notFound: true };
  return { props: { user: JSON.parse(JSON.stringify(user)) } };
};

export default function ProfilePage({ user }: Props) {
  return (
    <main>
      <h1>{user.displayName}</h1>
      <p>@{user.handle}</p>
      {user.bio ? <p>{user.bio}</p> : null}
    </main>
  );
}

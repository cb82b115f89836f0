import type { GetServerSideProps } from 'next';

type Props = { bio: string };

export const getServerSideProps: GetServerSideProps<Props> = async ({ query }) => {
  const bio = typeof query.bio === 'string' ? query.bio : '';
  return { props: { bio } };
};

export default function PreviewPage({ bio }: Props) {
  return (
    <section className="profile-preview">
      <h1>Preview</h1>
      <div
        className="bio"
        dangerouslySetInnerHTML={{ __html: bio }} // expect: xss
      />
    </section>
  );
}

type Props = { searchParams: Promise<{ q?: string }> };

export default async function SearchPage({ searchParams }: Props) {
  const { q = '' } = await searchParams;
  return (
    <main>
      <h1>Search</h1>
      <p
        className="summary"
      >
        Results for <mark>{q}</mark>
      </p>
    </main>
  );
}

import { prisma } from './prisma';

type PostRow = { id: number; title: string; body: string };

export async function findPublishedPost(slug: string): Promise<PostRow | null> {
  const rows = await prisma.$queryRawUnsafe<PostRow[]>('SELECT id, title, body FROM "Post" WHERE slug = $1 AND published = true', slug);
  return rows[0] ?? null;
}

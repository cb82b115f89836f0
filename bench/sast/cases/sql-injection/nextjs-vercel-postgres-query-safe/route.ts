import { sql } from '@vercel/postgres';
import { NextRequest, NextResponse } from 'next/server';

type PostRow = { id: number; title: string; excerpt: string };

export async function GET(request: NextRequest, { params }: { params: { slug: string } }) {
  const slug = decodeURIComponent(params.slug);
  const lang = request.nextUrl.searchParams.get('lang') ?? 'en';
  if (!['en', 'de', 'fr'].includes(lang)) {
    return NextResponse.json({ error: 'unsupported language' }, { status: 400 });
  }
  const { rows } = await sql<PostRow>`SELECT id, title, excerpt FROM posts WHERE slug = ${slug} AND lang = ${lang}`;
  if (!rows[0]) return NextResponse.json({ error: 'not found' }, { status: 404 });
  return NextResponse.json(rows[0]);
}

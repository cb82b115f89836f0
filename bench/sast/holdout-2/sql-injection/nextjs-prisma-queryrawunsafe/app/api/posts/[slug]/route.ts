import { NextResponse } from 'next/server';
import { findPublishedPost } from '../../../../lib/posts';

export async function GET(_request: Request, { params }: { params: { slug: string } }) {
  const post = await findPublishedPost(params.slug);
  if (!post) {
    return NextResponse.json({ error: 'not found' }, { status: 404 });
  }
  return NextResponse.json(post);
}

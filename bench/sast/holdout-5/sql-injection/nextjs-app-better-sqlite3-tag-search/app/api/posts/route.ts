import { NextRequest, NextResponse } from 'next/server';
import { postsTagged } from '../../../lib/posts';

export async function GET(request: NextRequest) {
  const tag = request.nextUrl.searchParams.get('tag') ?? '';
  return NextResponse.json(postsTagged(tag));
}

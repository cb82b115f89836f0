import { NextRequest, NextResponse } from 'next/server';
import { fetchGithubJson, isGithubApiUrl } from '../../../lib/github';

export async function GET(request: NextRequest) {
  const target = request.nextUrl.searchParams.get('url');
  if (!target || !isGithubApiUrl(target)) {
    return NextResponse.json({ error: 'only GitHub API URLs are allowed' }, { status: 400 });
  }
  const data = await fetchGithubJson(target);
  return NextResponse.json(data);
}

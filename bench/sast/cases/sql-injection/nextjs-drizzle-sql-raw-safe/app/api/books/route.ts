import { NextRequest, NextResponse } from 'next/server';
import { sql } from 'drizzle-orm';
import { db } from '@/db';

export async function GET(request: NextRequest) {
  const author = request.nextUrl.searchParams.get('author') ?? '';
  const result = await db.execute(sql`SELECT id, title FROM books WHERE author = ${author}`);
  return NextResponse.json(result.rows);
}

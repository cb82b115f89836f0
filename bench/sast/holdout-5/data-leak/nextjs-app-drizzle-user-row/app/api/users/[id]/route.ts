import { NextResponse } from 'next/server';
import { userById } from '../../../../lib/queries';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await userById(Number(id));
  if (!user) return NextResponse.json({ error: 'not found' }, { status: 404 });
  return NextResponse.json(user); // expect: data-leak
}

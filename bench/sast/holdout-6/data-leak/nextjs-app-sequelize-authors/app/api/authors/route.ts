import { NextResponse } from 'next/server';
import { Author } from '../../../lib/models';

export async function GET() {
  const authors = await Author.findAll({ order: [['name', 'ASC']] });
  return NextResponse.json(authors); // expect: data-leak
}

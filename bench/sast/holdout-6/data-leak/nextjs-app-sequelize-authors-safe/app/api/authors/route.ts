import { NextResponse } from 'next/server';
import { Author } from '../../../lib/models';

export async function GET() {
  const authors = await Author.findAll({ attributes: ['id', 'name', 'bio'], order: [['name', 'ASC']] });
  return NextResponse.json(authors);
}

import ejs from 'ejs';
import { NextResponse } from 'next/server';

export async function POST(request: Request) {
  const { layout, customer, lines } = await request.json();
  const text = ejs.render(layout, { customer, lines }); // expect: template-injection
  return new NextResponse(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

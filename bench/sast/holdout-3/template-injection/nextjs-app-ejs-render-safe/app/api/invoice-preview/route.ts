import ejs from 'ejs';
import { NextResponse } from 'next/server';

const LAYOUTS: Record<string, string> = {
  compact: 'Invoice for <%= customer %>: <%= lines.length %> lines',
  detailed: '<% lines.forEach(function (l) { %><%= l.description %> <%= l.amount %>\n<% }) %>Customer: <%= customer %>',
};

export async function POST(request: Request) {
  const { layout, customer, lines } = await request.json();
  const source = Object.hasOwn(LAYOUTS, layout) ? LAYOUTS[layout] : LAYOUTS.compact;
  const text = ejs.render(source, { customer: String(customer), lines: Array.isArray(lines) ? lines : [] });
  return new NextResponse(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

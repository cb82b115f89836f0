import { z } from 'zod';
import escapeRegExp from 'lodash/escapeRegExp';

const Body = z.object({
  text: z.string().max(10_000),
  term: z.string().min(1).max(100),
});

export async function POST(request: Request) {
  const { text, term } = Body.parse(await request.json());
  const needle = term;
  const re = new RegExp(needle, 'gi'); // expect: redos
  const ranges = [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
  return Response.json({ ranges });
}

import Fastify from 'fastify';
import { computeColumns } from './formulas';

const app = Fastify();

app.post<{ Body: { rows: Record<string, number>[]; columns: { name: string; expr: string }[] } }>('/reports/preview', async (request) => {
  const { rows, columns } = request.body;
  return { rows: computeColumns(rows.slice(0, 100), columns) };
});

app.listen({ port: 3000 });

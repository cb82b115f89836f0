import { fileURLToPath } from 'node:url';

const FORMATS_DIR = fileURLToPath(new URL('../formats/', import.meta.url));
const FORMATS = new Set(['csv', 'json', 'xlsx']);

export default async function exportRoutes(app) {
  app.get('/export/:format', async (request, reply) => {
    const { format } = request.params;
    if (!FORMATS.has(format)) return reply.code(404).send({ error: 'unknown format' });
    const formatter = await import(`${FORMATS_DIR}${format}.mjs`);
    const rows = await app.reports.latest();
    reply.type(formatter.contentType);
    return formatter.render(rows);
  });
}

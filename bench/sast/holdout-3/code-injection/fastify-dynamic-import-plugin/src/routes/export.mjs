import { fileURLToPath } from 'node:url';

const FORMATS_DIR = fileURLToPath(new URL('../formats/', import.meta.url));

export default async function exportRoutes(app) {
  app.get('/export/:format', async (request, reply) => {
    const { format } = request.params;
    const formatter = await import(`${FORMATS_DIR}${format}.mjs`); // expect: code-injection
    const rows = await app.reports.latest();
    reply.type(formatter.contentType);
    return formatter.render(rows);
  });
}

import type { FastifyInstance } from 'fastify';

type Section = Record<string, string | number | boolean>;

const runtimeConfig: Record<string, Section> = {
  mail: { from: 'noreply@example.com', batch: 50 },
  uploads: { maxMb: 10 },
};

export async function configRoutes(app: FastifyInstance) {
  app.put<{ Body: { section: string; key: string; value: string | number | boolean } }>('/admin/config', async (request) => {
    const { section, key, value } = request.body;
    if (!Object.hasOwn(runtimeConfig, section)) return { ok: false };
    const target = runtimeConfig[section];
    if (key === '__proto__') return { ok: false };
    runtimeConfig[section][key] = value;
    return { ok: true, section: target };
  });
}

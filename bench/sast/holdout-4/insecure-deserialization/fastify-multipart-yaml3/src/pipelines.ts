import type { FastifyInstance } from 'fastify';
import yaml from 'js-yaml';

interface Pipeline {
  name: string;
  steps: Array<{ run: string }>;
}

export async function pipelineRoutes(app: FastifyInstance) {
  app.post('/pipelines/validate', async (request, reply) => {
    const upload = await request.file();
    if (!upload) return reply.code(400).send({ error: 'missing file' });
    const text = (await upload.toBuffer()).toString('utf8');
    const pipeline = yaml.load(text) as Pipeline; // expect: insecure-deserialization
    return { name: pipeline.name, steps: pipeline.steps.length };
  });
}

import type { NextApiRequest, NextApiResponse } from 'next';
import yaml from 'js-yaml';

export const config = { api: { bodyParser: { sizeLimit: '256kb' } } };

type Workflow = { name: string; steps: Array<{ run: string }> };

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return res.status(405).end();
  }
  const source = typeof req.body === 'string' ? req.body : String(req.body?.yaml ?? '');
  const workflow = yaml.safeLoad(source) as Workflow;
  res.status(200).json({ name: String(workflow?.name), steps: Array.isArray(workflow?.steps) ? workflow.steps.length : 0 });
}

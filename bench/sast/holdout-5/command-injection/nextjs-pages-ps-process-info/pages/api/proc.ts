import type { NextApiRequest, NextApiResponse } from 'next';
import { execSync } from 'node:child_process';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const pid = String(req.query.pid ?? '');
  const out = execSync(`ps -o pid=,rss=,etime=,args= -p ${pid}`, { encoding: 'utf8' }); // expect: command-injection
  const [id, rss, etime, ...args] = out.trim().split(/\s+/);
  res.status(200).json({ id, rss: Number(rss), etime, command: args.join(' ') });
}

import { spawn } from 'child_process';

export default function handler(req, res) {
  const dir = req.query.dir ?? '.';
  const child = spawn('ls', ['-la', '--', String(dir)], { cwd: '/srv/public' });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.on('close', () => res.status(200).json({ listing: out.split('\n') }));
}

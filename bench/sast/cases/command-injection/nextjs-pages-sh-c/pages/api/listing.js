import { spawn } from 'child_process';

export default function handler(req, res) {
  const dir = req.query.dir ?? '.';
  const child = spawn('sh', ['-c', 'ls -la ' + dir], { cwd: '/srv/public' }); // expect: command-injection
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.on('close', () => res.status(200).json({ listing: out.split('\n') }));
}

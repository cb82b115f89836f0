import { Router } from 'express';
import { git } from '../lib/git';

export const repoRouter = Router();

repoRouter.post('/repo/checkout', async (req, res, next) => {
  try {
    const branch: string = req.body.branch;
    const out = await git(['checkout', branch], process.env.REPO_DIR ?? '/srv/repo');
    res.json({ ok: true, out });
  } catch (err) {
    next(err);
  }
});

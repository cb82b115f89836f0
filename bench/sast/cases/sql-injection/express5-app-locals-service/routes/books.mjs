import { Router } from 'express';

const router = Router();

router.get('/search', (req, res) => {
  const title = String(req.query.q ?? '');
  res.json(res.app.locals.catalog.byTitle(title));
});

export default router;

import express from 'express';
import { runView } from '../lib/view-runner';
import { docs } from '../lib/store';

export const viewsRouter = express.Router();

viewsRouter.post('/db/:name/_temp_view', express.json(), (req, res) => {
  const rows = runView(docs(req.params.name), req.body.map);
  res.json({ total_rows: rows.length, rows });
});

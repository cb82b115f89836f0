import express from 'express';
import { audit } from './audit.js';

export const exportsRouter = express.Router();

exportsRouter.post('/exports', async (req, res) => {
  const { reportName } = req.body;
  audit(res.locals.userId, 'export', reportName);
  res.status(202).json({ queued: true });
});

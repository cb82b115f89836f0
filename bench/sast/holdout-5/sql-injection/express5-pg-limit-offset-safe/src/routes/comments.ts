import express from 'express';
import { listComments } from '../repositories/comments';

export const comments = express.Router();

comments.get('/posts/:postId/comments', async (req, res) => {
  const { limit = '20', offset = '0' } = req.query as Record<string, string>;
  res.json(await listComments(Number(req.params.postId), limit, offset));
});

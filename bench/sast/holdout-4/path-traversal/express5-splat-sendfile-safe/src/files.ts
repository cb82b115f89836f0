import express, { type Request, type Response } from 'express';
import path from 'node:path';

const FILES = path.resolve('public', 'files');

export const files = express.Router();

files.get('/files/*splat', (req: Request<{ splat: string[] }>, res: Response) => {
  const relativePath = req.params.splat.join('/');
  res.sendFile(relativePath, { root: FILES, maxAge: '1h' });
});

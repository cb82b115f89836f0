import express from 'express';
import { signaturePreview } from './templates.js';

const app = express();
app.use(express.json());

app.post('/settings/signature/preview', (req, res) => {
  const { name, signature } = req.body;
  res.type('html').send(signaturePreview({ name, signature })); // expect: xss
});

app.listen(3000);

import express from 'express';
import { evaluate } from 'mathjs';

const app = express();
app.use(express.json());

function decodeFormula(header) {
  return Buffer.from(header ?? '', 'base64').toString('utf8');
}

app.post('/quote', (req, res) => {
  const formula = decodeFormula(req.get('x-price-formula'));
  const scope = { base: Number(req.body.base), qty: Number(req.body.qty) };
  const price = evaluate(formula, scope);
  res.json({ price: Number(price) });
});

app.listen(3000);

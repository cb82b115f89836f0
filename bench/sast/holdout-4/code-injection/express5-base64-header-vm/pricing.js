import express from 'express';
import vm from 'node:vm';

const app = express();
app.use(express.json());

function decodeFormula(header) {
  return Buffer.from(header ?? '', 'base64').toString('utf8');
}

app.post('/quote', (req, res) => {
  const formula = decodeFormula(req.get('x-price-formula'));
  const scope = { base: Number(req.body.base), qty: Number(req.body.qty) };
  const price = vm.runInNewContext(formula, scope, { timeout: 50 }); // expect: code-injection
  res.json({ price: Number(price) });
});

app.listen(3000);

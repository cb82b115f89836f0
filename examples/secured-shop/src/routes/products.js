import express from 'express';
import { z } from 'zod';
import { rampart } from '@rampart/guard';
import { config } from '../config.js';
import { sql } from '../db.js';
import { DiscountRuleError, MAX_RULE_LENGTH, applyDiscountRule } from '../discount.js';
import { PreviewRefusedError, fetchPreview } from '../preview.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const ManualQuery = z.object({ file: z.string().min(1).max(100) });
const PriceQuery = z.object({
  discount: z.string().max(MAX_RULE_LENGTH).optional(),
  quantity: z.coerce.number().int().min(1).max(99).default(1),
});
const PreviewQuery = z.object({ url: z.string().min(1).max(2048) });

const round = (value) => Math.round(value * 100) / 100;

export function productRoutes({ previewPolicy, logger }) {
  const router = express.Router();

  router.get('/', (req, res) => {
    res.json(sql.listProducts.all());
  });

  // Product manuals: /api/products/manuals?file=espresso-machine.txt. Only names our catalogue
  // lists are served, and `root` keeps send() inside the manuals folder whatever a name holds.
  router.get('/manuals', rampart.validate({ query: ManualQuery }), (req, res, next) => {
    const product = sql.manualByName.get(req.validated.query.file);
    if (!product) return res.status(404).json({ error: 'Manual not found' });
    res.type('text/plain');
    res.sendFile(product.manual, { root: config.manualsDir, dotfiles: 'deny' }, (err) => {
      if (err) next(err);
    });
  });

  // Link preview for product reviews: only sites on the allowlist, only public addresses, no
  // redirects followed, at most 256 KiB read; the runtime protection checks the request again.
  router.get('/preview', rampart.validate({ query: PreviewQuery }), async (req, res) => {
    let checked;
    try {
      checked = previewPolicy.check(req.validated.query.url);
      res.json(await fetchPreview(checked));
    } catch (err) {
      if (err instanceof PreviewRefusedError) return res.status(400).json({ error: `Cannot preview this link: ${err.message}.` });
      logger.warn({ event: 'preview-failed', host: checked?.url.host, code: err?.code }, 'link preview failed');
      res.status(502).json({ error: 'The site could not be reached.' });
    }
  });

  router.get('/:id', rampart.validate({ params: IdParams }), (req, res) => {
    const product = sql.productById.get(req.validated.params.id);
    if (!product) return res.status(404).json({ error: 'Product not found' });
    res.json(product);
  });

  // Price preview for the promo banner: ?discount=price*0.9&quantity=2. The rule is parsed by a
  // small arithmetic grammar (src/discount.js), never evaluated as code, and may only lower the price.
  router.get('/:id/price', rampart.validate({ params: IdParams, query: PriceQuery }), (req, res) => {
    const product = sql.productById.get(req.validated.params.id);
    if (!product) return res.status(404).json({ error: 'Product not found' });
    const { discount, quantity } = req.validated.query;
    let unitPrice = product.price;
    if (discount !== undefined) {
      try {
        unitPrice = round(applyDiscountRule(discount, product.price));
      } catch (err) {
        if (!(err instanceof DiscountRuleError)) throw err;
        return res.status(400).json({ error: `Invalid discount rule: ${err.message}` });
      }
      if (unitPrice < 0 || unitPrice > product.price) return res.status(400).json({ error: 'A discount must give a price between 0 and the list price' });
    }
    res.json({ productId: product.id, quantity, unitPrice, total: round(unitPrice * quantity) });
  });

  return router;
}

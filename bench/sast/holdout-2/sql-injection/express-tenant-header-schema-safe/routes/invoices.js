const express = require('express');

const router = express.Router();

router.get('/invoices/open', async (req, res, next) => {
  try {
    const invoices = await req.app.locals.invoices.listOpen(req.tenant);
    res.json(invoices);
  } catch (err) {
    next(err);
  }
});

module.exports = router;

const express = require('express');
const { loadPlugin } = require('./plugin-loader');

const router = express.Router();

router.post('/plugins/:name/run', express.json(), async (req, res) => {
  const plugin = loadPlugin(req.params.name);
  if (!plugin) return res.sendStatus(404);
  res.json({ result: await plugin.run(req.body.input) });
});

module.exports = router;

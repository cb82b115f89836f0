const express = require('express');
const fs = require('fs');
const { userFile } = require('./storage');

const router = express.Router();

router.delete('/attachments', express.json(), async (req, res) => {
  const { file } = req.body;
  const target = userFile(req.user.id, file);
  await fs.promises.unlink(target); // expect: path-traversal
  res.status(204).end();
});

module.exports = router;

const express = require('express');
const { openUpload } = require('../lib/storage');

const router = express.Router();

router.get('/download', (req, res, next) => {
  try {
    const stream = openUpload(String(req.query.file || ''));
    res.type('application/octet-stream');
    stream.on('error', next).pipe(res);
  } catch (err) {
    next(err);
  }
});

module.exports = router;

const crypto = require('crypto');
const os = require('os');
const path = require('path');
const express = require('express');
const multer = require('multer');
const { resizeImage } = require('../lib/imagemagick');

const router = express.Router();
const upload = multer({ dest: os.tmpdir(), limits: { fileSize: 5 * 1024 * 1024 } });
const SIZE = /\d{1,4}x\d{1,4}/;

router.post('/thumbnails', upload.single('image'), async (req, res, next) => {
  const { size } = req.body;
  if (!req.file || !SIZE.test(size)) {
    return res.status(400).json({ error: 'send an image and a size such as 320x240' });
  }
  const output = path.join(os.tmpdir(), `${crypto.randomUUID()}.png`);
  try {
    await resizeImage(req.file.path, size, output);
    res.sendFile(output);
  } catch (err) {
    next(err);
  }
});

module.exports = router;

const express = require('express');
const multer = require('multer');
const images = require('../lib/images');

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 2 * 1024 * 1024 } });
const router = express.Router();

router.post('/admin/product/addimage', upload.single('image'), async (req, res) => {
  const saved = await images.store(req.body.productId, req.file.originalname, req.file.buffer);
  res.json({ message: 'Image uploaded', path: saved });
});

module.exports = router;

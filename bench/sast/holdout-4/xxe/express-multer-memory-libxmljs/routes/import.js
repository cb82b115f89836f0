const express = require('express');
const multer = require('multer');
const libxmljs = require('libxmljs');

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 2 * 1024 * 1024 } });
const router = express.Router();

const PARSE_OPTIONS = { noent: true, noblanks: true };

router.post('/catalog/import', upload.single('catalog'), (req, res) => {
  const xml = req.file.buffer.toString('utf8');
  const doc = libxmljs.parseXml(xml, PARSE_OPTIONS); // expect: xxe
  const skus = doc.find('//item/@sku').map((attr) => attr.value());
  res.json({ imported: skus.length });
});

module.exports = router;

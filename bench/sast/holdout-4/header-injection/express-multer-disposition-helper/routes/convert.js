const express = require('express');
const multer = require('multer');
const { dispositionFor } = require('../lib/disposition');
const { docxToPdf } = require('../lib/docx');

const upload = multer({ storage: multer.memoryStorage() });
const router = express.Router();

router.post('/convert', upload.single('document'), async (req, res) => {
  const pdf = await docxToPdf(req.file.buffer);
  res.set('Content-Disposition', dispositionFor(req.file.originalname)); // expect: header-injection
  res.type('application/pdf').send(pdf);
});

module.exports = router;

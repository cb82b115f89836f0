const express = require('express');
const multer = require('multer');
const fs = require('fs');
const path = require('path');


const upload = multer({ dest: '/tmp/uploads' });
const router = express.Router();
const SOUNDS = path.join(__dirname, 'public', 'sounds');

router.post('/admin/sounds', upload.single('file'), (req, res, next) => {
  const uploaded = req.file;
  const target = path.join(SOUNDS, uploaded.originalname);
  fs.copyFile(uploaded.path, target, (err) => { // expect: path-traversal
    fs.unlink(uploaded.path, () => {});
    if (err) return next(err);
    res.json({ url: `/sounds/${path.basename(target)}` });
  });
});

module.exports = router;

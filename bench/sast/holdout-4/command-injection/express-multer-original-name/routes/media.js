const express = require('express');
const multer = require('multer');
const { exec } = require('node:child_process');

const storage = multer.diskStorage({
  destination: '/srv/uploads',
  filename: (req, file, cb) => cb(null, file.originalname),
});
const upload = multer({ storage, limits: { fileSize: 50 * 1024 * 1024 } });

const router = express.Router();

router.post('/media', upload.single('video'), (req, res, next) => {
  exec(`ffprobe -v quiet -print_format json -show_format "${req.file.path}"`, (err, stdout) => { // expect: command-injection
    if (err) return next(err);
    res.json({ duration: Number(JSON.parse(stdout).format.duration) });
  });
});

module.exports = router;

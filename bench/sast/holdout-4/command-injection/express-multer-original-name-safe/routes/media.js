const express = require('express');
const multer = require('multer');
const { exec } = require('node:child_process');
const { randomUUID } = require('node:crypto');

const storage = multer.diskStorage({
  destination: '/srv/uploads',
  // The client's name never touches the disk or the shell.
  filename: (req, file, cb) => cb(null, randomUUID()),
});
const upload = multer({ storage, limits: { fileSize: 50 * 1024 * 1024 } });

const router = express.Router();

router.post('/media', upload.single('video'), (req, res, next) => {
  exec(`ffprobe -v quiet -print_format json -show_format "${req.file.path}"`, (err, stdout) => {
    if (err) return next(err);
    res.json({ duration: Number(JSON.parse(stdout).format.duration) });
  });
});

module.exports = router;

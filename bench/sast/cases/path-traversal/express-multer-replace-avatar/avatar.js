const express = require('express');
const multer = require('multer');
const fs = require('fs/promises');
const path = require('path');
const { storeAvatar } = require('./avatars');

const AVATARS = '/srv/avatars';
const upload = multer({ dest: '/tmp/uploads', limits: { fileSize: 1 << 20 } });
const app = express();

app.post('/me/avatar', upload.single('avatar'), async (req, res) => {
  const stored = await storeAvatar(req.user.id, req.file.path);
  await fs.unlink(path.join(AVATARS, req.body.previous)); // expect: path-traversal
  res.json({ avatar: stored });
});

app.listen(3000);

const express = require('express');
const { cloneRepository } = require('./mirror.service');

const router = express.Router();

router.post('/mirrors', async (req, res, next) => {
  try {
    const { repoUrl } = req.body;
    if (!repoUrl) return res.status(400).json({ error: 'repoUrl is required' });
    const dir = await cloneRepository(repoUrl);
    res.status(202).json({ id: dir.split('/').pop() });
  } catch (err) {
    next(err);
  }
});

const app = express();
app.use(express.json());
app.use('/api', router);
app.listen(3000);

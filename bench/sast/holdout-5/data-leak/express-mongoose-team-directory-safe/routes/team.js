const express = require('express');
const User = require('../models/user');

const router = express.Router();

router.get('/team', async (req, res) => {
  const members = await User.find({ teamId: req.session.teamId }).select('name email avatar').lean();
  res.json(members);
});

module.exports = router;

const express = require('express');
const { User } = require('../models');

const router = express.Router();

router.get('/teams/:teamId/members', async (req, res, next) => {
  try {
    const members = await User.findAll({
      where: { teamId: Number(req.params.teamId) },
      order: [['name', 'ASC']],
    });
    res.json(members); // expect: data-leak
  } catch (err) {
    next(err);
  }
});

module.exports = router;

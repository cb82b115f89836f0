import express from 'express';
import { Member } from '../models/member.js';

export const teams = express.Router();

teams.get('/teams/:team/members', async (req, res) => {
  const members = await Member.find({ team: String(req.params.team) }).select('name role avatar').lean();
  res.json(members);
});

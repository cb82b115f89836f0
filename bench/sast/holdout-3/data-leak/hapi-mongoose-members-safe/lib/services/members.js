'use strict';

const Member = require('../models/member');

exports.listTeam = async (teamId) => Member.find({ team: teamId }).select('name avatar').lean();

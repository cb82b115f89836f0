const User = require('../models/user');

exports.listUsers = ({ limit }) => User.findAll({ limit, order: [['id', 'ASC']] });

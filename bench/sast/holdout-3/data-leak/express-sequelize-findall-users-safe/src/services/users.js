const User = require('../models/user');

exports.listUsers = ({ limit }) => User.findAll({ attributes: ['id', 'name', 'email'], limit, order: [['id', 'ASC']] });

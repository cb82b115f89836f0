const { DataTypes } = require('sequelize');
const sequelize = require('../db');

module.exports = sequelize.define('User', {
  name: DataTypes.STRING,
  email: DataTypes.STRING,
  passwordHash: DataTypes.STRING,
  resetToken: DataTypes.STRING,
});

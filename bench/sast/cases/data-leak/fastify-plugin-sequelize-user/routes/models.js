'use strict';

const { Sequelize, DataTypes } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);

const User = sequelize.define('User', {
  name: DataTypes.STRING,
  email: DataTypes.STRING,
  passwordHash: DataTypes.STRING,
});

module.exports = { User, sequelize };

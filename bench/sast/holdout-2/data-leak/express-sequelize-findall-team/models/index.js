const { Sequelize, DataTypes } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);

const User = sequelize.define('User', {
  name: DataTypes.STRING,
  email: DataTypes.STRING,
  avatarUrl: DataTypes.STRING,
  teamId: DataTypes.INTEGER,
  passwordHash: DataTypes.STRING,
  resetToken: DataTypes.STRING,
});

module.exports = { sequelize, User };

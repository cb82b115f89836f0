import { DataTypes, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL as string);

export const Author = sequelize.define('Author', {
  name: DataTypes.STRING,
  bio: DataTypes.TEXT,
  email: DataTypes.STRING,
  password: DataTypes.STRING,
  stripeAccountId: DataTypes.STRING,
});

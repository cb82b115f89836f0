import { DataTypes, Model, Sequelize } from 'sequelize';

export const sequelize = new Sequelize(process.env.DATABASE_URL ?? 'postgres://localhost/shop');

export class Store extends Model {}
Store.init(
  { id: { type: DataTypes.INTEGER, primaryKey: true }, name: DataTypes.STRING, city: DataTypes.STRING, location: DataTypes.GEOMETRY('POINT') },
  { sequelize, tableName: 'stores' },
);

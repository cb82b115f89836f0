import { Store } from '../models/store';

export async function nearestStores(lat: string, lng: string) {
  const distance = `ST_Distance(location, ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326))`;
  return Store.findAll({
    attributes: ['id', 'name', 'city'],
    order: [[Store.sequelize!.literal(distance), 'ASC']], // expect: sql-injection
    limit: 10,
  });
}

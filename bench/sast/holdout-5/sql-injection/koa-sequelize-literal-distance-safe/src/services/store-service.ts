import { Store } from '../models/store';

export async function nearestStores(lat: string, lng: string) {
  const y = Number(lat);
  const x = Number(lng);
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error('lat and lng must be numbers');
  const distance = `ST_Distance(location, ST_SetSRID(ST_MakePoint(${x}, ${y}), 4326))`;
  return Store.findAll({
    attributes: ['id', 'name', 'city'],
    order: [[Store.sequelize!.literal(distance), 'ASC']],
    limit: 10,
  });
}

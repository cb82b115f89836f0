const SORT_COLUMNS = new Map([
  ['name', 'name'],
  ['price', 'price'],
  ['newest', 'created_at DESC'],
]);

class ProductRepository {
  constructor(pool) {
    this.pool = pool;
  }

  async listByCategory(category, sort) {
    // Column names cannot be bound as parameters: pick one from a fixed list.
    const orderBy = SORT_COLUMNS.get(sort) ?? 'name';
    const { rows } = await this.pool.query(`SELECT id, name, price FROM products WHERE category = $1 ORDER BY ${orderBy}`, [category]);
    return rows;
  }
}

module.exports = { ProductRepository };

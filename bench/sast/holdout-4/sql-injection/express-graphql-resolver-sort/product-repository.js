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
    const orderBy = sort;
    const { rows } = await this.pool.query(`SELECT id, name, price FROM products WHERE category = $1 ORDER BY ${orderBy}`, [category]); // expect: sql-injection
    return rows;
  }
}

module.exports = { ProductRepository };

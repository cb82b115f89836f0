class InvoiceRepository {
  constructor(pool) {
    this.pool = pool;
  }

  async listOpen(tenant) {
    const sql = `SELECT id, number, total, due_date FROM ${tenant}.invoices WHERE status = 'open' ORDER BY due_date`;
    const { rows } = await this.pool.query(sql); // expect: sql-injection
    return rows;
  }
}

module.exports = InvoiceRepository;

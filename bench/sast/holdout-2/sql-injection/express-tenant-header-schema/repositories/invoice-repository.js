class InvoiceRepository {
  constructor(pool) {
    this.pool = pool;
  }

  async listOpen(tenant) {
    const { rows } = await this.pool.query(`SELECT id, number, total, due_date FROM ${tenant}.invoices WHERE status = 'open' ORDER BY due_date`); // expect: sql-injection
    return rows;
  }
}

module.exports = InvoiceRepository;

const format = require('pg-format');

class InvoiceRepository {
  constructor(pool) {
    this.pool = pool;
  }

  async listOpen(tenant) {
    const { rows } = await this.pool.query(format("SELECT id, number, total, due_date FROM %I.invoices WHERE status = 'open' ORDER BY due_date", tenant));
    return rows;
  }
}

module.exports = InvoiceRepository;

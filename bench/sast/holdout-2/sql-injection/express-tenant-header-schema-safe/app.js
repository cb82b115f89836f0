const express = require('express');
const { Pool } = require('pg');
const tenantFromHeader = require('./middleware/tenant');
const invoicesRouter = require('./routes/invoices');
const InvoiceRepository = require('./repositories/invoice-repository');

const app = express();
app.locals.invoices = new InvoiceRepository(new Pool({ connectionString: process.env.DATABASE_URL }));
app.use('/api', tenantFromHeader, invoicesRouter);
app.listen(3000);

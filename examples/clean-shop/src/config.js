const defaults = require('../config/default.json');

// Settings come from config/default.json; secrets and per-deployment values from the environment.
const config = Object.freeze({
  ...defaults,
  port: Number(process.env.PORT) || defaults.port,
  production: process.env.NODE_ENV === 'production',
  database: {
    ...defaults.database,
    dir: process.env.DATA_DIR || defaults.database.dir,
    reporting: { ...defaults.database.reporting, password: process.env.REPORTING_DB_PASSWORD },
  },
  payments: { ...defaults.payments, apiKey: process.env.PAYMENTS_API_KEY },
});

module.exports = config;

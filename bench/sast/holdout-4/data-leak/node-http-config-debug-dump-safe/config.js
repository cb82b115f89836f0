module.exports = {
  env: process.env.NODE_ENV ?? 'development',
  version: process.env.APP_VERSION ?? 'dev',
  db: { host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD },
  jwtSecret: process.env.JWT_SECRET,
  features: { search: true, exports: false },
};

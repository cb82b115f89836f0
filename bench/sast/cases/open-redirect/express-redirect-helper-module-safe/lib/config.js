module.exports = { basePath: process.env.BASE_PATH || '' };

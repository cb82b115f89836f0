const nodemailer = require('nodemailer');

module.exports = { transport: nodemailer.createTransport({ host: 'smtp.internal', port: 25 }) };

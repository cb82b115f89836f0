const nodemailer = require('nodemailer');

const transport = nodemailer.createTransport({ host: 'smtp.internal', port: 25 });

async function sendResetMail(to, token) {
  await transport.sendMail({ to, subject: 'Reset your password', text: `https://shop.example/reset/${token}` });
}

module.exports = { sendResetMail };

const config = require('../config/default.json');

// No mail server in development: emails are printed instead of sent.
function sendMail({ to, subject, text }) {
  console.log(`--- email from ${config.mail.from} to ${to}: ${subject}\n${text}\n---`);
}

module.exports = { sendMail };

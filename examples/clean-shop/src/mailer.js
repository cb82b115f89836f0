const config = require('./config');
const logger = require('./logger');

function sendMail({ to, subject, text }) {
  if (config.production) {
    // Wire the mail provider in here before going live. The message itself is not logged:
    // it can hold reset codes.
    logger.error({ subject }, 'no mail transport configured: email not sent');
    return;
  }
  // Development: print the email for the developer instead of sending it.
  process.stdout.write(`--- email from ${config.mail.from} to ${to}: ${subject}\n${text}\n---\n`);
}

module.exports = { sendMail };

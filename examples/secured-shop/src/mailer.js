import { config } from './config.js';

/**
 * No mail server in this example: in development the message goes to stderr for the developer to
 * read (never to the log pipeline, which may be shipped elsewhere); in production, wire a real
 * provider here. A reset link is a credential, so it is printed only outside production.
 */
export async function sendMail({ to, subject, text }) {
  if (config.production) throw new Error('no mail provider is configured');
  process.stderr.write(`--- email from ${config.mail.from} to ${to}: ${subject}\n${text}\n---\n`);
}

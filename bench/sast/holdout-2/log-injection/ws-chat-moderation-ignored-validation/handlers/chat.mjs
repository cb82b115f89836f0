import Joi from 'joi';
import { logger } from '../logger.mjs';

const chatSchema = Joi.object({
  nick: Joi.string().pattern(/^[\w-]{1,20}$/).required(),
  text: Joi.string().max(500).required(),
});
const BANNED = ['spamlink.example', 'free-crypto'];

export function handleChat(wss, socket, message) {
  chatSchema.validate(message);
  const { nick, text } = message;
  if (BANNED.some((word) => String(text).includes(word))) {
    logger.info(`moderation: blocked a message from ${nick}`); // expect: log-injection
    socket.send(JSON.stringify({ type: 'blocked' }));
    return;
  }
  for (const client of wss.clients) client.send(JSON.stringify({ type: 'chat', nick, text }));
}

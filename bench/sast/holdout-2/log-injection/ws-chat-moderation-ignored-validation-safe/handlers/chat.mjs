import Joi from 'joi';
import { logger } from '../logger.mjs';

const chatSchema = Joi.object({
  nick: Joi.string().pattern(/^[\w-]{1,20}$/).required(),
  text: Joi.string().max(500).required(),
});
const BANNED = ['spamlink.example', 'free-crypto'];

export function handleChat(wss, socket, message) {
  const { error, value } = chatSchema.validate(message);
  if (error) return;
  const { nick, text } = value;
  if (BANNED.some((word) => String(text).includes(word))) {
    logger.info(`moderation: blocked a message from ${nick}`);
    socket.send(JSON.stringify({ type: 'blocked' }));
    return;
  }
  for (const client of wss.clients) client.send(JSON.stringify({ type: 'chat', nick, text }));
}

import winston from 'winston';

export const chatLog = winston.createLogger({
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  transports: [new winston.transports.File({ filename: 'chat.log' })],
});

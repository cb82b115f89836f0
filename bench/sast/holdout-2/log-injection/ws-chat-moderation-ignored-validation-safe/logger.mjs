import winston from 'winston';

export const logger = winston.createLogger({
  format: winston.format.printf(({ level, message }) => `${new Date().toISOString()} ${level}: ${message}`),
  transports: [new winston.transports.Console()],
});

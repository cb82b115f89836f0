export * from './orders.mjs';
export { pool } from './pool.mjs';

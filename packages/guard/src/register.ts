/**
 * `node --import @rampart/guard/register app.js`: protects an unmodified app, ESM or CommonJS,
 * before any of its code runs.
 */
import './protect/index.js';

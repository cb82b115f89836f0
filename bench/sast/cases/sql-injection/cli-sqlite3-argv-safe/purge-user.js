#!/usr/bin/env node
const sqlite3 = require('sqlite3');

const [, , username] = process.argv;
const db = new sqlite3.Database('app.db');

db.run('DELETE FROM sessions WHERE username = ?', [username], function done(err) {
  if (err) throw err;
  console.log(`removed ${this.changes} sessions`);
  db.close();
});

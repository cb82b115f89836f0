const { parentPort } = require('node:worker_threads');
const sqlite3 = require('sqlite3');

const db = new sqlite3.Database('directory.db');

parentPort.on('message', ({ id, name }) => {
  db.all("SELECT id, name, extension FROM staff WHERE name LIKE '" + name + "%'", (err, rows) => { // expect: sql-injection
    parentPort.postMessage({ id, rows: err ? [] : rows });
  });
});

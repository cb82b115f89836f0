const mysql = require('mysql');

const connection = mysql.createConnection({ host: 'localhost', user: 'news', database: 'news' });

function findSubscriber(email, callback) {
  const sql = 'SELECT id FROM subscribers WHERE email = ? LIMIT 1';
  connection.query(sql, [email], (err, results) => {
    callback(err, results && results[0]);
  });
}

module.exports = { findSubscriber };

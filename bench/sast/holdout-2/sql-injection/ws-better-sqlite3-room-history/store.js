const Database = require('better-sqlite3');

const db = new Database('chat.db');

function recentMessages(room, limit) {
  return db.prepare(`SELECT author, body, sent_at FROM messages WHERE room = '${room}' ORDER BY sent_at DESC LIMIT ?`).all(limit); // expect: sql-injection
}

module.exports = { recentMessages };

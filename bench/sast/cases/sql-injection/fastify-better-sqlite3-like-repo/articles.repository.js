'use strict';
const Database = require('better-sqlite3');

class ArticleRepository {
  constructor(file) {
    this.db = new Database(file, { readonly: true });
  }

  search(term, limit = 20) {
    const pattern = term.trim();
    const rows = this.db.prepare(`SELECT id, title, published_at FROM articles WHERE title LIKE '%${pattern}%' ORDER BY published_at DESC LIMIT 20`).all(); // expect: sql-injection
    return rows.slice(0, limit);
  }
}

module.exports = { ArticleRepository };

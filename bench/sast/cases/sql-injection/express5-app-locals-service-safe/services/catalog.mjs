export class CatalogService {
  constructor(db) {
    this.db = db;
  }

  byTitle(title) {
    return this.db.prepare("SELECT id, title, author FROM books WHERE title LIKE '%' || ? || '%' LIMIT 20").all(title);
  }
}

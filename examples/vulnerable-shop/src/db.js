const fs = require('fs');
const path = require('path');
const Database = require('better-sqlite3');
const config = require('../config/default.json');
const { hashPassword } = require('./passwords');

const dataDir = process.env.DATA_DIR || path.join(__dirname, '..', config.database.dir);
fs.mkdirSync(dataDir, { recursive: true });

const db = new Database(path.join(dataDir, config.database.filename));
db.pragma('foreign_keys = ON');

db.exec(`
  CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    phone TEXT,
    birth_date TEXT,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'customer',
    reset_token TEXT,
    reset_expires INTEGER,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
  );
  CREATE TABLE IF NOT EXISTS products (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    price REAL NOT NULL,
    stock INTEGER NOT NULL DEFAULT 0,
    manual TEXT
  );
  CREATE TABLE IF NOT EXISTS orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id),
    product_id INTEGER NOT NULL REFERENCES products(id),
    quantity INTEGER NOT NULL,
    total REAL NOT NULL,
    payment_id TEXT,
    status TEXT NOT NULL DEFAULT 'paid',
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
  );
  CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    location TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS registrations (
    event_id INTEGER NOT NULL REFERENCES events(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (event_id, user_id)
  );
`);

// Demo data, inserted the first time the app starts.
function seed() {
  const count = db.prepare('SELECT COUNT(*) AS n FROM users').get().n;
  if (count > 0) return;

  const addUser = db.prepare(
    'INSERT INTO users (email, name, phone, birth_date, password_hash, role) VALUES (?, ?, ?, ?, ?, ?)'
  );
  addUser.run('admin@corner-coffee.example', 'Shop Admin', '+44 20 7946 0000', '1980-04-12', hashPassword('admin123'), 'admin');
  addUser.run('alice@example.com', 'Alice Martin', '+44 7700 900123', '1992-08-30', hashPassword('alice123'), 'customer');
  addUser.run('bob@example.com', 'Bob Chen', '+44 7700 900456', '1988-01-17', hashPassword('bob123'), 'customer');

  const addProduct = db.prepare('INSERT INTO products (name, description, price, stock, manual) VALUES (?, ?, ?, ?, ?)');
  addProduct.run('House Blend Beans', 'Medium roast, 1 kg bag', 24.5, 120, null);
  addProduct.run('Ethiopian Yirgacheffe', 'Light roast single origin, 250 g', 12.9, 40, null);
  addProduct.run('Espresso Machine', 'Pump espresso machine with steam wand', 349, 5, 'espresso-machine.txt');
  addProduct.run('Burr Grinder', 'Conical burr grinder, 40 settings', 129, 12, 'burr-grinder.txt');
  addProduct.run('Ceramic Mug', 'Hand-glazed, 300 ml', 9.5, 200, null);

  db.prepare('INSERT INTO orders (user_id, product_id, quantity, total, payment_id) VALUES (?, ?, ?, ?, ?)').run(2, 1, 2, 49, 'pay_demo_1');
  db.prepare('INSERT INTO orders (user_id, product_id, quantity, total, payment_id) VALUES (?, ?, ?, ?, ?)').run(3, 3, 1, 349, 'pay_demo_2');

  const addEvent = db.prepare('INSERT INTO events (title, starts_at, location) VALUES (?, ?, ?)');
  addEvent.run('Latte Art Workshop', '2025-03-14T18:00:00Z', 'Corner Coffee, Main Street');
  addEvent.run('Cupping Evening', '2025-04-02T19:00:00Z', 'Corner Coffee, Main Street');
  db.prepare('INSERT INTO registrations (event_id, user_id) VALUES (?, ?)').run(1, 2);
  db.prepare('INSERT INTO registrations (event_id, user_id) VALUES (?, ?)').run(1, 3);
}

seed();

module.exports = db;

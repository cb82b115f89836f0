import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { hashPassword } from '@rampart/auth';
import { config } from './config.js';

mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });

export const db = new Database(config.databaseFile);
db.pragma('journal_mode = WAL');
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

const ORDER_FIELDS = 'id, product_id, quantity, total, status, created_at';

// Every statement is prepared once, here, with ? placeholders: request values only ever travel
// as parameters, and the SQL text never depends on a request.
export const sql = {
  countProducts: db.prepare('SELECT COUNT(*) AS n FROM products'),
  countUsers: db.prepare('SELECT COUNT(*) AS n FROM users'),
  userByEmail: db.prepare('SELECT id, email, name, role, password_hash FROM users WHERE email = ?'),
  userById: db.prepare('SELECT id, email, name, role FROM users WHERE id = ?'),
  emailTaken: db.prepare('SELECT 1 AS taken FROM users WHERE email = ?'),
  addUser: db.prepare('INSERT INTO users (email, name, phone, birth_date, password_hash, role) VALUES (?, ?, ?, ?, ?, ?)'),
  setPasswordHash: db.prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
  listUsers: db.prepare('SELECT id, email, name, role, created_at FROM users ORDER BY id'),
  listProducts: db.prepare('SELECT id, name, description, price, stock, manual FROM products ORDER BY id'),
  searchableProducts: db.prepare('SELECT id, name, description, price FROM products ORDER BY name'),
  productById: db.prepare('SELECT id, name, description, price, stock, manual FROM products WHERE id = ?'),
  manualByName: db.prepare('SELECT manual FROM products WHERE manual = ?'),
  addProduct: db.prepare('INSERT INTO products (name, description, price, stock, manual) VALUES (?, ?, ?, ?, ?)'),
  takeStock: db.prepare('UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ?'),
  ordersOfUser: db.prepare(`SELECT ${ORDER_FIELDS} FROM orders WHERE user_id = ? ORDER BY id DESC`),
  orderOfUser: db.prepare(`SELECT ${ORDER_FIELDS} FROM orders WHERE id = ? AND user_id = ?`),
  addOrder: db.prepare('INSERT INTO orders (user_id, product_id, quantity, total, payment_id) VALUES (?, ?, ?, ?, ?)'),
  listEvents: db.prepare('SELECT id, title, starts_at, location FROM events ORDER BY starts_at'),
  eventById: db.prepare('SELECT id FROM events WHERE id = ?'),
  addEvent: db.prepare('INSERT INTO events (title, starts_at, location) VALUES (?, ?, ?)'),
  // The attendee page shows names; the route's response allowlist keeps only those.
  attendees: db.prepare('SELECT users.id, users.name FROM users JOIN registrations ON registrations.user_id = users.id WHERE registrations.event_id = ? ORDER BY users.name'),
  register: db.prepare('INSERT OR IGNORE INTO registrations (event_id, user_id) VALUES (?, ?)'),
};

/** The same demo accounts as vulnerable-shop, so the same campaign can log in; never in production. */
const DEMO_USERS = [
  { email: 'admin@corner-coffee.example', name: 'Shop Admin', phone: '+44 20 7946 0000', birthDate: '1980-04-12', role: 'admin', password: 'admin123' },
  { email: 'alice@example.com', name: 'Alice Martin', phone: '+44 7700 900123', birthDate: '1992-08-30', role: 'customer', password: 'alice123' },
  { email: 'bob@example.com', name: 'Bob Chen', phone: '+44 7700 900456', birthDate: '1988-01-17', role: 'customer', password: 'bob123' },
];

function seedCatalogue() {
  sql.addProduct.run('House Blend Beans', 'Medium roast, 1 kg bag', 24.5, 120, null);
  sql.addProduct.run('Ethiopian Yirgacheffe', 'Light roast single origin, 250 g', 12.9, 40, null);
  sql.addProduct.run('Espresso Machine', 'Pump espresso machine with steam wand', 349, 5, 'espresso-machine.txt');
  sql.addProduct.run('Burr Grinder', 'Conical burr grinder, 40 settings', 129, 12, 'burr-grinder.txt');
  sql.addProduct.run('Ceramic Mug', 'Hand-glazed, 300 ml', 9.5, 200, null);
  sql.addEvent.run('Latte Art Workshop', '2025-03-14T18:00:00Z', 'Corner Coffee, Main Street');
  sql.addEvent.run('Cupping Evening', '2025-04-02T19:00:00Z', 'Corner Coffee, Main Street');
}

async function seedDemoUsers() {
  // Hashed first (argon2id is asynchronous), then written in one transaction.
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  db.transaction(() => {
    DEMO_USERS.forEach((u, i) => sql.addUser.run(u.email, u.name, u.phone, u.birthDate, hashes[i], u.role));
    sql.addOrder.run(2, 1, 2, 49, 'pay_demo_1');
    sql.addOrder.run(3, 3, 1, 349, 'pay_demo_2');
    sql.register.run(1, 2);
    sql.register.run(1, 3);
  })();
}

/** Fills an empty database: the catalogue always, demo accounts outside production. Returns what it did. */
export async function seed() {
  const done = [];
  if (sql.countProducts.get().n === 0) {
    seedCatalogue();
    done.push('catalogue');
  }
  if (config.seedDemoAccounts && sql.countUsers.get().n === 0) {
    await seedDemoUsers();
    done.push('demo accounts');
  }
  return done;
}

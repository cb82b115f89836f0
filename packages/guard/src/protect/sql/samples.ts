import type { SqlDialect } from './tokenize.js';

/**
 * Samples the SQL detector must get right, run by the test harness: each is the query the app
 * built by concatenation and the user input it concatenated.
 */
export interface SqlSample {
  readonly dialect: SqlDialect;
  readonly input: string;
  readonly sql: string;
}

export const SQL_ATTACKS: readonly SqlSample[] = Object.freeze([
  { dialect: 'sqlite', input: "' OR '1'='1", sql: "SELECT * FROM users WHERE name = '' OR '1'='1'" },
  { dialect: 'sqlite', input: "x' UNION SELECT password FROM users --", sql: "SELECT note FROM notes WHERE title = 'x' UNION SELECT password FROM users --'" },
  { dialect: 'sqlite', input: '1 OR 1=1', sql: 'SELECT * FROM orders WHERE id = 1 OR 1=1' },
  { dialect: 'sqlite', input: '1; DROP TABLE users', sql: 'SELECT * FROM orders WHERE id = 1; DROP TABLE users' },
  { dialect: 'sqlite', input: "O'Brien", sql: "SELECT * FROM users WHERE name = 'O'Brien'" },
  { dialect: 'sqlite', input: 'name]; DROP TABLE x;--', sql: 'SELECT [name]; DROP TABLE x;--] FROM t' },
  { dialect: 'postgres', input: "a' OR 'a'='a", sql: "SELECT * FROM users WHERE email = 'a' OR 'a'='a'" },
  { dialect: 'postgres', input: "x$$ OR 1=1 --", sql: 'SELECT $$x$$ OR 1=1 --$$' },
  // In E'' a doubled backslash is one backslash, so the quote after it ends the literal.
  { dialect: 'postgres', input: "x\\\\' OR 1=1 --", sql: "SELECT * FROM t WHERE a = E'x\\\\' OR 1=1 --'" },
  { dialect: 'postgres', input: '1/**/OR/**/1=1', sql: 'SELECT * FROM t WHERE id = 1/**/OR/**/1=1' },
  { dialect: 'postgres', input: 'id" FROM secrets --', sql: 'SELECT "id" FROM secrets --" FROM t' },
  { dialect: 'postgres', input: '1::text', sql: 'SELECT * FROM t WHERE id = 1::text' },
  { dialect: 'mysql', input: "x\\\\' OR 1=1 -- ", sql: "SELECT * FROM t WHERE a = 'x\\\\' OR 1=1 -- '" },
  { dialect: 'mysql', input: "1' OR '1'='1", sql: "SELECT * FROM t WHERE a = '1' OR '1'='1'" },
  { dialect: 'mysql', input: '1 #', sql: 'SELECT * FROM t WHERE id = 1 #' },
  { dialect: 'mysql', input: '" OR ""="', sql: 'SELECT * FROM t WHERE name = "" OR ""=""' },
  { dialect: 'mysql', input: 'id` FROM secrets #', sql: 'SELECT `id` FROM secrets #` FROM t' },
  { dialect: 'mysql', input: '1 AND SLEEP(5)', sql: 'SELECT * FROM t WHERE id = 1 AND SLEEP(5)' },
]);

export const SQL_BENIGN: readonly SqlSample[] = Object.freeze([
  // Escaped by the app: the raw input no longer occurs, only its parts inside one literal.
  { dialect: 'sqlite', input: "'Brien", sql: "SELECT * FROM users WHERE name = 'O''Brien'" },
  { dialect: 'sqlite', input: 'select shoes', sql: "SELECT * FROM products WHERE title LIKE '%select shoes%'" },
  { dialect: 'sqlite', input: '1 OR 2 apples', sql: "SELECT * FROM notes WHERE body = '1 OR 2 apples'" },
  { dialect: 'sqlite', input: 'docs/a..b.txt', sql: "SELECT * FROM files WHERE path = 'docs/a..b.txt'" },
  { dialect: 'sqlite', input: '42', sql: 'SELECT * FROM orders WHERE id = 42' },
  { dialect: 'sqlite', input: 'created_at', sql: 'SELECT * FROM orders ORDER BY created_at' },
  { dialect: 'sqlite', input: 'I <3 SQL -- really', sql: "INSERT INTO posts (body) VALUES ('I <3 SQL -- really')" },
  { dialect: 'postgres', input: "it's", sql: "SELECT * FROM t WHERE a = $$it's$$" },
  { dialect: 'postgres', input: 'a\\b', sql: "SELECT * FROM t WHERE a = 'a\\b'" },
  { dialect: 'postgres', input: 'say "hi"', sql: "SELECT * FROM t WHERE a = 'say \"hi\"'" },
  { dialect: 'postgres', input: '3.14', sql: 'SELECT * FROM t WHERE price > 3.14' },
  { dialect: 'postgres', input: 'nested /* c */', sql: "SELECT 1 /* keep nested /* c */ */ FROM t WHERE a = 'x'" },
  { dialect: 'mysql', input: "it's", sql: "SELECT * FROM t WHERE a = \"it's\"" },
  { dialect: 'mysql', input: "O\\'Brien", sql: "SELECT * FROM t WHERE a = 'O\\'Brien'" },
  { dialect: 'mysql', input: 'user@example.com', sql: "SELECT * FROM t WHERE email = 'user@example.com'" },
  { dialect: 'mysql', input: '{"a":{"b":[1,2]}}', sql: "INSERT INTO t (doc) VALUES ('{\"a\":{\"b\":[1,2]}}')" },
]);

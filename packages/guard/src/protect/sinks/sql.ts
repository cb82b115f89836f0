import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { detectSqlInjection } from '../sql/detect.js';
import type { SqlDialect } from '../sql/tokenize.js';
import { activeOptions, inspect } from '../check.js';
import { wrapMethod, type SinkHook } from './hook.js';

function sqlText(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    const o = arg as { text?: unknown; sql?: unknown };
    if (typeof o.text === 'string') return o.text; // pg QueryConfig
    if (typeof o.sql === 'string') return o.sql; // mysql/mysql2 options and Query commands
  }
  return undefined;
}

/**
 * The SQL text a pool already checked. Pools hand a query to a connection later, in a callback
 * whose stack no longer has the app's frame (and, when it waited for a busy connection, whose
 * async context may be another request's), so the check is made at the pool and skipped there.
 */
const checkedByPool = new AsyncLocalStorage<string>();

function checkSql(sink: string, dialect: SqlDialect, arg: unknown): void {
  const sql = sqlText(arg);
  if (sql === undefined || checkedByPool.getStore() === sql) return;
  const options = activeOptions().sql;
  inspect(sink, (inputs) => detectSqlInjection(sql, inputs, dialect, options));
}

/**
 * How a driver reports a block so the app's usual error path runs:
 * promise: a rejected promise, or the callback if one was passed (pg);
 * callback-chain: the callback, and `this` returned for chaining (sqlite3);
 * throw: a synchronous throw, which mysql2's pools and promise wrappers catch and route to the
 * query's callback or promise;
 * sequence: mysql 2.x: the callback, else the Query object the pool hands its connection (ended
 * with the error, as mysql's pool does), else a synchronous throw.
 */
type FailStyle = 'promise' | 'callback-chain' | 'throw' | 'sequence';

function fail(err: unknown, self: unknown, args: unknown[], style: FailStyle): unknown {
  if (style === 'throw') throw err;
  if (style === 'sequence') {
    const callback = args.find((a) => typeof a === 'function') as ((e: unknown) => void) | undefined;
    if (callback) return void process.nextTick(callback, err);
    const query = args[0] as { end?: (e: unknown) => void; on?: (ev: string, f: () => void) => void; _callback?: unknown } | undefined;
    if (query && typeof query.end === 'function' && typeof query.on === 'function') {
      if (typeof query._callback === 'function') query.on('error', () => {});
      process.nextTick(() => query.end!(err));
      return query;
    }
    throw err;
  }
  const cb = [...args].reverse().find((a) => typeof a === 'function') as ((e: unknown) => void) | undefined;
  if (cb) {
    process.nextTick(cb, err);
    return style === 'callback-chain' ? self : undefined;
  }
  if (style === 'promise') return Promise.reject(err);
  throw err;
}

function guardAsync(sink: string, dialect: SqlDialect, style: FailStyle) {
  return (original: (...a: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      try {
        checkSql(sink, dialect, args[0]);
      } catch (err) {
        return fail(err, this, args, style);
      }
      return original.apply(this, args);
    };
}

function guardPool(sink: string, dialect: SqlDialect, style: FailStyle) {
  return (original: (...a: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      try {
        checkSql(sink, dialect, args[0]);
      } catch (err) {
        return fail(err, this, args, style);
      }
      const sql = sqlText(args[0]);
      return sql === undefined ? original.apply(this, args) : checkedByPool.run(sql, () => original.apply(this, args));
    };
}

function guardSync(sink: string, dialect: SqlDialect) {
  return (original: (...a: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      checkSql(sink, dialect, args[0]);
      return original.apply(this, args);
    };
}

/**
 * pool.getConnection(cb): the pool calls back from a socket event of whichever request made or
 * last used the connection (mysql pings an idle one first), so queries on it would be checked
 * against that request. The callback is bound to the caller's async context instead.
 */
function bindCallbacks(original: (...a: unknown[]) => unknown) {
  return function (this: unknown, ...args: unknown[]) {
    return original.apply(this, args.map((a) => (typeof a === 'function' ? AsyncResource.bind(a as (...x: unknown[]) => unknown) : a)));
  };
}

type Exports = Record<string, unknown> & { prototype?: Record<string, unknown> };
const proto = (ctor: unknown) => (ctor as { prototype?: Record<string, unknown> } | undefined)?.prototype;

/** SQL drivers, declared as data: package, tested major versions, hooked methods, dialect. */
export const SQL_SINKS: readonly SinkHook[] = Object.freeze([
  {
    module: 'better-sqlite3',
    versions: '>=9 <13',
    kind: 'sql-injection',
    methods: ['Database.prototype.prepare', 'Database.prototype.exec'],
    install(exports: unknown) {
      const p = proto(exports);
      if (!p) return;
      wrapMethod(p, 'prepare', guardSync('better-sqlite3.prepare', 'sqlite'));
      wrapMethod(p, 'exec', guardSync('better-sqlite3.exec', 'sqlite'));
    },
  },
  {
    module: 'sqlite3',
    versions: '>=5 <6',
    kind: 'sql-injection',
    methods: ['Database.prototype.{run,get,all,each,exec,prepare}'],
    install(exports: unknown) {
      const p = proto((exports as Exports).Database);
      if (!p) return;
      for (const m of ['run', 'get', 'all', 'each', 'exec', 'prepare']) wrapMethod(p, m, guardAsync(`sqlite3.${m}`, 'sqlite', 'callback-chain'));
    },
  },
  {
    module: 'pg',
    versions: '>=7 <9',
    kind: 'sql-injection',
    methods: ['Client.prototype.query', 'Pool.prototype.query'],
    install(exports: unknown) {
      const e = exports as Exports;
      const client = proto(e.Client);
      if (client) wrapMethod(client, 'query', guardAsync('pg.query', 'postgres', 'promise'));
      const pool = proto(e.Pool);
      if (pool) wrapMethod(pool, 'query', guardPool('pg.Pool.query', 'postgres', 'promise'));
    },
  },
  {
    module: 'mysql2',
    versions: '>=2 <4',
    kind: 'sql-injection',
    methods: ['Connection.prototype.query', 'Connection.prototype.execute', 'Pool.prototype.query', 'Pool.prototype.execute'],
    install(exports: unknown) {
      // Checked before mysql2 formats `?` values into the text, so parameters never count as SQL.
      const base = Object.getPrototypeOf(proto((exports as Exports).Connection) ?? {}) as Record<string, unknown> | null;
      const target = base && typeof base.query === 'function' ? base : proto((exports as Exports).Connection);
      if (!target) return;
      wrapMethod(target, 'query', guardAsync('mysql2.query', 'mysql', 'throw'));
      wrapMethod(target, 'execute', guardAsync('mysql2.execute', 'mysql', 'throw'));
      const pool = proto((exports as Exports).Pool);
      if (pool) wrapMethod(pool, 'getConnection', bindCallbacks);
      if (pool) {
        // mysql2's pool reports a synchronous throw to the caller's callback or promise.
        wrapMethod(pool, 'query', guardPool('mysql2.Pool.query', 'mysql', 'promise'));
        wrapMethod(pool, 'execute', guardPool('mysql2.Pool.execute', 'mysql', 'promise'));
      }
    },
  },
  {
    module: 'mysql',
    versions: '>=2 <3',
    kind: 'sql-injection',
    methods: ['Connection.prototype.query', 'Pool.prototype.query'],
    install(exports: unknown) {
      // mysql 2.x keeps Connection and Pool in lib/; reach them through created (never connected) objects.
      const e = exports as { createConnection?: (o: object) => object; createPool?: (o: object) => object };
      if (!e.createConnection) return;
      // A pool's connections are PoolConnections, whose query is Connection's: one patch covers both.
      wrapMethod(Object.getPrototypeOf(e.createConnection({})) as Record<string, unknown>, 'query', guardAsync('mysql.query', 'mysql', 'sequence'));
      if (e.createPool) {
        const pool = Object.getPrototypeOf(e.createPool({})) as Record<string, unknown>;
        wrapMethod(pool, 'query', guardPool('mysql.Pool.query', 'mysql', 'sequence'));
        wrapMethod(pool, 'getConnection', bindCallbacks);
      }
    },
  },
]);

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

function checkSql(sink: string, dialect: SqlDialect, arg: unknown): void {
  const sql = sqlText(arg);
  if (sql === undefined) return;
  const options = { standardConformingStrings: activeOptions().sql.standardConformingStrings };
  inspect(sink, (inputs) => detectSqlInjection(sql, inputs, dialect, options));
}

/** Delivers a block the way a callback/promise driver reports errors, so the app's usual error path runs. */
function failAsync(err: unknown, args: unknown[], promise: boolean): unknown {
  const cb = [...args].reverse().find((a) => typeof a === 'function') as ((e: unknown) => void) | undefined;
  const onResult = (args[0] as { onResult?: (e: unknown) => void } | undefined)?.onResult;
  if (cb) {
    process.nextTick(cb, err);
    return undefined;
  }
  if (typeof onResult === 'function') {
    process.nextTick(onResult, err);
    return undefined;
  }
  if (promise) return Promise.reject(err);
  throw err;
}

function guardAsync(sink: string, dialect: SqlDialect, promise: boolean) {
  return (original: (...a: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      try {
        checkSql(sink, dialect, args[0]);
      } catch (err) {
        return failAsync(err, args, promise);
      }
      return original.apply(this, args);
    };
}

function guardSync(sink: string, dialect: SqlDialect) {
  return (original: (...a: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      checkSql(sink, dialect, args[0]);
      return original.apply(this, args);
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
      for (const m of ['run', 'get', 'all', 'each', 'exec', 'prepare']) wrapMethod(p, m, guardAsync(`sqlite3.${m}`, 'sqlite', false));
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
      if (client) wrapMethod(client, 'query', guardAsync('pg.query', 'postgres', true));
    },
  },
  {
    module: 'mysql2',
    versions: '>=2 <4',
    kind: 'sql-injection',
    methods: ['Connection.prototype.query', 'Connection.prototype.execute'],
    install(exports: unknown) {
      // Checked before mysql2 formats `?` values into the text, so parameters never count as SQL.
      const base = Object.getPrototypeOf(proto((exports as Exports).Connection) ?? {}) as Record<string, unknown> | null;
      const target = base && typeof base.query === 'function' ? base : proto((exports as Exports).Connection);
      if (!target) return;
      wrapMethod(target, 'query', guardAsync('mysql2.query', 'mysql', false));
      wrapMethod(target, 'execute', guardAsync('mysql2.execute', 'mysql', false));
    },
  },
  {
    module: 'mysql',
    versions: '>=2 <3',
    kind: 'sql-injection',
    methods: ['Connection.prototype.query'],
    install(exports: unknown) {
      // mysql 2.x keeps Connection in lib/; reach it through a created (never connected) connection.
      const create = (exports as { createConnection?: (o: object) => object }).createConnection;
      if (!create) return;
      const p = Object.getPrototypeOf(create({})) as Record<string, unknown>;
      wrapMethod(p, 'query', guardAsync('mysql.query', 'mysql', false));
    },
  },
]);

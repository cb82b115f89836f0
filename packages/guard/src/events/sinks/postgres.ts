import type { SecurityEvent } from '@rampart/core';
import { GuardSetupError } from '../../setup-error.js';
import type { EventPage, EventReader, EventSink } from '../types.js';

/** The part of a pg Pool or Client the sink uses; declared here so pg stays an optional peer. */
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  end?(): Promise<void>;
}

export interface PostgresSinkOptions {
  /** A pg Pool (or Client) you own (you end it). Give `pool` or `connectionString`. */
  readonly pool?: PgQueryable;
  /** postgres:// URL; the sink loads `pg` (an optional peer dependency), opens a small pool and ends it on close(). */
  readonly connectionString?: string;
  /** Table name, optionally schema-qualified. Default 'rampart_security_events'. */
  readonly table?: string;
  /** Create the table and its index when missing. Default true. */
  readonly createTable?: boolean;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const MAX_READ = 1000;

/** Column list shared by CREATE TABLE, INSERT and SELECT. */
const COLUMNS = `id text NOT NULL UNIQUE, time timestamptz NOT NULL, kind text NOT NULL, practice smallint NOT NULL,
  rule text NOT NULL, action text NOT NULL, severity text NOT NULL, message text NOT NULL, request_id text, ip text,
  method text, route text, user_id text, attack jsonb, details jsonb`;
const RECORD_COLUMNS = `id text, time timestamptz, kind text, practice smallint, rule text, action text, severity text,
  message text, request_id text, ip text, method text, route text, user_id text, attack jsonb, details jsonb`;

function quoteTable(table: string): string {
  const parts = table.split('.');
  if (parts.length > 2 || !parts.every((p) => IDENTIFIER.test(p))) {
    throw new GuardSetupError(`PostgresSink table: '${table}' is not a plain identifier such as 'rampart_security_events' or 'audit.security_events'.`);
  }
  return parts.map((p) => `"${p}"`).join('.');
}

/**
 * Events in a PostgreSQL table shared by every instance: the table is created when missing, each
 * batch the bus hands over is one INSERT (jsonb_to_recordset, one parameter), and the dashboard
 * reads back by the `seq` column with read(sinceSeq, count).
 */
export class PostgresSink implements EventSink, EventReader {
  readonly name = 'postgres';
  readonly table: string;
  readonly #quoted: string;
  readonly #indexName: string;
  readonly #createTable: boolean;
  readonly #connectionString?: string;
  #pool?: PgQueryable;
  #ownsPool = false;
  #ready?: Promise<PgQueryable>;

  constructor(options: PostgresSinkOptions) {
    if (!options || (options.pool === undefined) === (options.connectionString === undefined)) {
      throw new GuardSetupError("PostgresSink: pass exactly one of `pool` (a pg Pool) or `connectionString` ('postgres://user@host/db').");
    }
    this.table = options.table ?? 'rampart_security_events';
    this.#quoted = quoteTable(this.table);
    this.#indexName = `"${this.table.split('.').pop()!.slice(0, 50)}_time_idx"`;
    this.#createTable = options.createTable ?? true;
    this.#pool = options.pool;
    this.#connectionString = options.connectionString;
  }

  #connect(): Promise<PgQueryable> {
    this.#ready ??= (async () => {
      if (!this.#pool) {
        // Loaded only when used, so apps without PostgreSQL never install or load pg.
        const moduleName = 'pg';
        let pg: { default?: { Pool: new (o: object) => PgQueryable }; Pool?: new (o: object) => PgQueryable };
        try {
          pg = await import(moduleName);
        } catch {
          throw new GuardSetupError('PostgresSink: the `pg` package is not installed. Run `npm install pg` or pass your own `pool`.');
        }
        const Pool = pg.Pool ?? pg.default!.Pool;
        this.#pool = new Pool({ connectionString: this.#connectionString, max: 2, connectionTimeoutMillis: 5000 });
        // An idle client error must not crash the app; the next write reports the failure.
        (this.#pool as unknown as { on?: (e: string, f: () => void) => void }).on?.('error', () => {});
        this.#ownsPool = true;
      }
      if (this.#createTable) {
        const pool = this.#pool;
        // Two instances starting together can race on IF NOT EXISTS (PostgreSQL then reports a
        // unique violation on its catalog, a duplicate relation, or a duplicate object: the table's
        // row type): the other one created it, which is all we wanted.
        const idempotent = (sql: string) =>
          pool.query(sql).catch((error: { code?: string }) => {
            if (error?.code !== '23505' && error?.code !== '42P07' && error?.code !== '42710') throw error;
          });
        await idempotent(`CREATE TABLE IF NOT EXISTS ${this.#quoted} (seq bigserial PRIMARY KEY, ${COLUMNS})`);
        await idempotent(`CREATE INDEX IF NOT EXISTS ${this.#indexName} ON ${this.#quoted} (time)`);
      }
      return this.#pool;
    })();
    // A failed connect is retried on the next write instead of being remembered forever.
    this.#ready.catch(() => (this.#ready = undefined));
    return this.#ready;
  }

  async write(event: SecurityEvent): Promise<void> {
    await this.writeBatch([event]);
  }

  async writeBatch(events: readonly SecurityEvent[]): Promise<void> {
    if (events.length === 0) return;
    const pool = await this.#connect();
    const rows = events.map((e) => ({
      id: e.id,
      time: e.time,
      kind: e.kind,
      practice: e.practice,
      rule: e.rule,
      action: e.action,
      severity: e.severity,
      message: e.message,
      request_id: e.requestId ?? null,
      ip: e.ip ?? null,
      method: e.method ?? null,
      route: e.route ?? null,
      user_id: e.userId ?? null,
      attack: e.attack ?? null,
      details: e.details ?? null,
    }));
    await pool.query(
      `INSERT INTO ${this.#quoted} (id, time, kind, practice, rule, action, severity, message, request_id, ip, method, route, user_id, attack, details)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${RECORD_COLUMNS})
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows, storable)],
    );
  }

  /** Events with seq greater than `sinceSeq` (from the first when undefined), oldest first. */
  async read(sinceSeq?: string, count = 100): Promise<EventPage> {
    if (sinceSeq !== undefined && !/^\d{1,19}$/.test(sinceSeq)) throw new GuardSetupError(`PostgresSink.read: '${sinceSeq}' is not a sequence number.`);
    const pool = await this.#connect();
    const n = Math.max(1, Math.min(MAX_READ, Math.floor(count)));
    const { rows } = await pool.query(
      `SELECT seq::text AS cursor, id, time, kind, practice, rule, action, severity, message, request_id, ip, method, route, user_id, attack, details
       FROM ${this.#quoted} WHERE seq > $1::bigint ORDER BY seq LIMIT $2`,
      [sinceSeq ?? '0', n],
    );
    const events = rows.map(rowToEvent);
    return { events, cursor: rows.length > 0 ? String(rows[rows.length - 1].cursor) : sinceSeq };
  }

  async latest(count = 100): Promise<EventPage> {
    const pool = await this.#connect();
    const n = Math.max(1, Math.min(MAX_READ, Math.floor(count)));
    const { rows } = await pool.query(
      `SELECT * FROM (SELECT seq, seq::text AS cursor, id, time, kind, practice, rule, action, severity, message, request_id, ip, method, route, user_id, attack, details
       FROM ${this.#quoted} ORDER BY seq DESC LIMIT $1) newest ORDER BY seq`,
      [n],
    );
    return { events: rows.map(rowToEvent), cursor: rows.length > 0 ? String(rows[rows.length - 1].cursor) : undefined };
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    if (this.#ownsPool && pool?.end) await pool.end().catch(() => undefined);
  }
}

/** A UTF-16 surrogate without its partner: valid in a JS string, refused by PostgreSQL's jsonb. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function storableText(text: string): string {
  return text.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\ufffd');
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000 or a lone surrogate (`"\ud800"` in a JSON body
 * parses to one), and event payloads come from attackers: clean every string and key, so one
 * hostile payload cannot make a batch fail and its events vanish. Done on values, not on the
 * JSON text, where a literal backslash-u0000 typed by the client must stay as it is.
 */
function storable(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.some((k) => storableText(k) !== k)) return Object.fromEntries(keys.map((k) => [storableText(k), (value as Record<string, unknown>)[k]]));
  }
  return value;
}

function rowToEvent(row: Record<string, unknown>): SecurityEvent {
  const event: Record<string, unknown> = {
    id: row.id,
    time: row.time instanceof Date ? row.time.toISOString() : String(row.time),
    kind: row.kind,
    practice: Number(row.practice),
    rule: row.rule,
    action: row.action,
    severity: row.severity,
    message: row.message,
  };
  const optional: Array<[string, string]> = [
    ['requestId', 'request_id'],
    ['ip', 'ip'],
    ['method', 'method'],
    ['route', 'route'],
    ['userId', 'user_id'],
    ['attack', 'attack'],
    ['details', 'details'],
  ];
  for (const [field, column] of optional) if (row[column] !== null && row[column] !== undefined) event[field] = row[column];
  return event as unknown as SecurityEvent;
}

import Koa from 'koa';

const DURATION = /^((?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d)?$/i;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000 };

function parseDuration(str: string): number | undefined {
  const match = DURATION.exec(str); // expect: redos
  if (!match) return undefined;
  const unit = (match[2] ?? 'ms').toLowerCase();
  const key = unit.startsWith('ms') || unit.startsWith('mil') ? 'ms' : unit[0];
  return parseFloat(match[1]) * (UNIT_MS[key] ?? 1);
}

const app = new Koa();
app.use(async (ctx) => {
  const ttl = parseDuration(String(ctx.query.ttl ?? '1h'));
  if (ttl === undefined) ctx.throw(400, 'bad ttl');
  ctx.body = { ttlMs: ttl };
});
app.listen(3000);

import type { Command } from 'commander';
import { UserError } from '@rampart/core';
import type { EventSource } from '@rampart/dashboard';
import type { CommandContext } from '../io.js';

interface DashboardFlags {
  port: string;
  host: string;
  token?: string;
  redis?: string;
  stream?: string;
  postgres?: string;
  table?: string;
  report?: string;
}

export function registerDashboard(program: Command, { io }: CommandContext): void {
  program
    .command('dashboard')
    .description('Serve the security-events dashboard (live guard events and the latest scan report)')
    .option('--port <n>', 'port to listen on', '4400')
    .option('--host <host>', 'address to bind; a non-loopback address needs --token', '127.0.0.1')
    .option('--token <token>', 'bearer token the page and API require (default: $RAMPART_DASHBOARD_TOKEN)')
    .option('--redis <url>', 'read events from a Redis stream (RedisStreamSink)')
    .option('--stream <key>', 'Redis stream key', 'rampart:events')
    .option('--postgres <url>', 'read events from a PostgreSQL table (PostgresSink)')
    .option('--table <name>', 'PostgreSQL table', 'rampart_security_events')
    .option('--report <file>', 'JSON report of `rampart scan -f json` to show')
    .action(async (flags: DashboardFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UserError(`--port: expected a port number from 0 to 65535, got '${flags.port}'.`);
      if (flags.redis && flags.postgres) throw new UserError('--redis and --postgres: choose one event source.');
      const token = flags.token ?? process.env.RAMPART_DASHBOARD_TOKEN ?? undefined;
      // Loaded when the command runs: the guard's event stores (pino, ioredis) stay out of other commands.
      const { memorySource, postgresSource, redisStreamSource, startDashboard } = await import('@rampart/dashboard');
      let source: EventSource;
      if (flags.redis) source = redisStreamSource({ url: flags.redis, stream: flags.stream });
      else if (flags.postgres) source = postgresSource({ connectionString: flags.postgres, table: flags.table });
      else {
        source = memorySource();
        io.stderr('rampart: no --redis or --postgres given; showing an empty in-memory source.\n');
      }
      let dashboard;
      try {
        dashboard = await startDashboard({ source, token: token || undefined, report: flags.report, host: flags.host, port });
      } catch (error) {
        await source.close?.().catch(() => undefined);
        const e = error as NodeJS.ErrnoException;
        if (e.code === 'EADDRINUSE' || e.code === 'EACCES' || e.code === 'EADDRNOTAVAIL') throw new UserError(`--host/--port: cannot listen on ${flags.host}:${port} (${e.code}).`);
        throw error;
      }
      // The token is never printed: pass it in the URL fragment (#token=...) or type it in the page.
      io.stdout(`Rampart dashboard: ${dashboard.url}${token ? '  (open with #token=<your token>)' : ''}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await dashboard.close();
      await source.close?.().catch(() => undefined);
    });
}

'use strict';

const Hapi = require('@hapi/hapi');
const { RuleEngine } = require('./lib/rule-engine');

const engine = new RuleEngine();
const sampleEvent = { level: 'error', service: 'billing', latencyMs: 1200 };

const start = async () => {
  const server = Hapi.server({ port: 3001 });
  server.route({
    method: 'POST',
    path: '/alert-rules/dry-run',
    handler: (request) => {
      const rule = request.payload;
      return { matches: engine.test(rule, sampleEvent) };
    },
  });
  await server.start();
};

start();

import http from 'node:http';

type Tokens = Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => string>;

const tokens: Tokens = {
  method: (req) => req.method ?? '-',
  url: (req) => req.url ?? '-',
  status: (_req, res) => String(res.statusCode),
};

function compile(format: string) {
  const js = format.replace(/:(\w+)/g, (_m, name) => `" + (tokens[${JSON.stringify(name)}] ? tokens[${JSON.stringify(name)}](req, res) : "-") + "`);
  return new Function('tokens', 'req', 'res', `return "${js}";`) as (t: Tokens, req: http.IncomingMessage, res: http.ServerResponse) => string; // expect: code-injection
}

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const format = url.searchParams.get('format') ?? ':method :url :status';
    const line = compile(format);
    res.setHeader('Content-Type', 'text/plain');
    res.end(line(tokens, req, res));
  })
  .listen(8080);

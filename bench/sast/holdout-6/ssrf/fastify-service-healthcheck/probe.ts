import http from 'node:http';

export function probe(host: string, port: string): Promise<boolean> {
  const target = `http://${host}:${port}/health`;
  return new Promise((resolve) => {
    http.get(target, (res) => { // expect: ssrf
      res.resume();
      resolve(res.statusCode === 200);
    }).on('error', () => resolve(false));
  });
}

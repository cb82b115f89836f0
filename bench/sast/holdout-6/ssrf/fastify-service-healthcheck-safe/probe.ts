import http from 'node:http';

const SERVICES: Record<string, string> = { api: 'http://api.internal:8080/health', billing: 'http://billing.internal:8081/health' };

export function probe(host: string, port: string): Promise<boolean> {
  const target = Object.hasOwn(SERVICES, host) ? SERVICES[host] : SERVICES.api;
  return new Promise((resolve) => {
    http.get(target, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    }).on('error', () => resolve(false));
  });
}

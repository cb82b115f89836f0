export function audit(event: string, detail: string): void {
  console.warn(`${new Date().toISOString()} AUDIT ${event} ${detail}`); // expect: log-injection
}

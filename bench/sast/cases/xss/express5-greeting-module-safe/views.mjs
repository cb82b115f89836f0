import he from 'he';

export function greetingPage(name) {
  return `<!doctype html><title>Welcome</title><h1>Welcome back, ${he.encode(String(name))}!</h1>`;
}

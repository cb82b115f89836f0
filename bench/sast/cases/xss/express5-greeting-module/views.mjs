export function greetingPage(name) {
  return `<!doctype html><title>Welcome</title><h1>Welcome back, ${name}!</h1>`;
}

// The headers a browser sends with every request, for the load generators of the runtime benches:
// real traffic always carries a User-Agent (and the guard's bot check reads it), so a bench
// without one would measure a request no production server sees.
export const BROWSER_HEADERS = Object.freeze({
  'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  accept: 'application/json, text/plain, */*',
  'accept-language': 'en-US,en;q=0.9',
});

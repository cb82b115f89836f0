'use strict';

const APP_ORIGIN = 'https://app.example.com';

function landingPage(returnTo) {
  if (typeof returnTo !== 'string') return '/dashboard';
  const url = new URL(returnTo, APP_ORIGIN);
  if (url.origin !== APP_ORIGIN) return '/dashboard';
  return url.pathname + url.search;
}

module.exports = { landingPage };

'use strict';

function landingPage(returnTo) {
  if (typeof returnTo === 'string' && returnTo.startsWith('/')) return returnTo;
  return '/dashboard';
}

module.exports = { landingPage };

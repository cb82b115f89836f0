'use strict';

module.exports = {
  method: 'GET',
  path: '/language/{lang}',
  handler(request, h) {
    const lang = ['en', 'de', 'fr'].includes(request.params.lang) ? request.params.lang : 'en';
    const destination = request.query.to || '/';
    return h.redirect(destination).state('lang', lang); // expect: open-redirect
  },
};

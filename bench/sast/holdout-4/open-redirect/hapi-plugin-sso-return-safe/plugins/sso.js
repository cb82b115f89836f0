'use strict';

const ORIGIN = 'https://portal.example.com';

function relayTarget(relay) {
  const url = new URL(relay || '/', ORIGIN);
  return url.origin === ORIGIN ? url.href : ORIGIN + '/';
}

exports.plugin = {
  name: 'sso',
  register(server) {
    server.route({
      method: 'POST',
      path: '/sso/acs',
      handler: (request, h) => {
        request.yar.set('sso', { at: Date.now() });
        return h.redirect(relayTarget(request.payload.RelayState));
      },
    });
  },
};

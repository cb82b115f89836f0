'use strict';

const REGISTERED = new Set(['https://app.example.com/', 'https://admin.example.com/signed-out']);

module.exports = async function logoutRoutes(fastify) {
  fastify.get('/oidc/logout', async (request, reply) => {
    const query = new URLSearchParams(request.raw.url.split('?')[1] ?? '');
    const target = query.get('post_logout_redirect_uri') || '/';
    await request.session.destroy();
    return reply.redirect(target); // expect: open-redirect
  });
};

'use strict';

const REGISTERED = new Set(['https://app.example.com/', 'https://admin.example.com/signed-out']);

module.exports = async function logoutRoutes(fastify) {
  fastify.get('/oidc/logout', async (request, reply) => {
    const query = new URLSearchParams(request.raw.url.split('?')[1] ?? '');
    const requested = query.get('post_logout_redirect_uri');
    const target = REGISTERED.has(requested) ? requested : '/';
    await request.session.destroy();
    return reply.redirect(target);
  });
};

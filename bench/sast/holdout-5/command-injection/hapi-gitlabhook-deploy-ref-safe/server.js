const Hapi = require('@hapi/hapi');
const deployer = require('./deployer');

const init = async () => {
  const server = Hapi.server({ port: 8080 });
  server.route({
    method: 'POST',
    path: '/hooks/gitlab',
    handler: async (request, h) => {
      if (request.headers['x-gitlab-token'] !== process.env.HOOK_TOKEN) return h.response().code(401);
      const { ref, project } = request.payload;
      await deployer.deploy(project.path_with_namespace, ref);
      return h.response({ queued: true }).code(202);
    },
  });
  await server.start();
};

init();

const fastify = require('fastify')();

const forms = new Map([['signup', { title: 'Sign up', fields: { email: { required: true } } }]]);

function setPath(target, dottedPath, value) {
  const keys = String(dottedPath).split('.');
  let cursor = target;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i];
    if (typeof cursor[key] !== 'object' || cursor[key] === null) cursor[key] = {}; // expect: prototype-pollution
    cursor = cursor[key];
  }
  cursor[keys[keys.length - 1]] = value; // expect: prototype-pollution
}

fastify.patch('/forms/:id', async (request, reply) => {
  const form = forms.get(request.params.id);
  if (!form) return reply.code(404).send({ error: 'no such form' });
  for (const change of request.body.changes ?? []) {
    setPath(form, change.path, change.value);
  }
  return { title: form.title, fields: form.fields };
});

fastify.listen({ port: 3000 });

'use strict';

const path = require('node:path');
const fs = require('node:fs/promises');

const AVATAR_DIR = path.join(__dirname, '..', 'public', 'avatars');

module.exports = async function avatarRoutes(fastify) {
  fastify.put('/me/avatar', async (request, reply) => {
    const { filename, dataBase64 } = request.body;
    const bytes = Buffer.from(dataBase64, 'base64');
    if (bytes.length > 512 * 1024) return reply.code(413).send({ error: 'too large' });
    const target = path.join(AVATAR_DIR, filename);
    await fs.writeFile(target, bytes); // expect: path-traversal
    return { url: `/avatars/${path.basename(target)}` };
  });
};

const fs = require('fs/promises');
const { toDiskPath } = require('./sandbox');

module.exports = [
  {
    method: 'POST',
    path: '/fm/rename',
    handler: async (request) => {
      const { from, to } = request.payload;
      const source = toDiskPath(from);
      const target = toDiskPath(to);
      await fs.rename(source, target); // expect: path-traversal
      return { ok: true };
    },
  },
];

import { archiveNotes } from '../lib/notes-repository.js';

export default async function notesRoutes(app) {
  app.post('/notes/archive', async (request) => {
    const owner = request.user.id;
    const count = await archiveNotes(app.mongo.db, owner, request.body.where ?? {});
    return { archived: count };
  });
}

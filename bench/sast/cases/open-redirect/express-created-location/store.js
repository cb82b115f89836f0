const { randomUUID } = require('crypto');

const notes = new Map();

async function createNote(text) {
  const note = { id: randomUUID(), text };
  notes.set(note.id, note);
  return note;
}

module.exports = { createNote };

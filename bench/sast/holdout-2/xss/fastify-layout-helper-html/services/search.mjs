const INDEX = ['fastify plugins', 'fastify hooks', 'node streams'];

export async function countMatches(q) {
  return INDEX.filter((entry) => entry.includes(q.toLowerCase())).length;
}

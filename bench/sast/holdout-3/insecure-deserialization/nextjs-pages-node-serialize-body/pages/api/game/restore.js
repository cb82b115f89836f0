import { unserialize } from 'node-serialize';

export default function handler(req, res) {
  if (req.method !== 'POST') {
    res.status(405).end();
    return;
  }
  const { state } = req.body;
  const game = unserialize(state); // expect: insecure-deserialization
  res.status(200).json({ level: Number(game.level) || 1, score: Number(game.score) || 0 });
}

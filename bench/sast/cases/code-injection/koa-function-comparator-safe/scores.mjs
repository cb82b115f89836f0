const scores = [
  { player: 'ada', points: 420, wins: 12, streak: 3 },
  { player: 'linus', points: 380, wins: 15, streak: 1 },
];

export async function loadScores() {
  return scores.map((s) => ({ ...s }));
}

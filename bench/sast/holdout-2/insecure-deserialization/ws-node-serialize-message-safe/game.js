const board = Array(9).fill(null);

function applyMove(move) {
  const cell = Number(move && move.cell);
  if (Number.isInteger(cell) && cell >= 0 && cell < 9 && board[cell] === null) {
    board[cell] = move.player === 'o' ? 'o' : 'x';
  }
  return board;
}

module.exports = { applyMove };

async function* streamResults() {
  for (let id = 1; id <= 3; id++) yield { id };
}

module.exports = { streamResults };

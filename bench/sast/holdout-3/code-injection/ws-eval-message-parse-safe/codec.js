function decode(text) {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) throw new SyntaxError('expected an object');
  return JSON.parse(trimmed);
}

module.exports = { decode };

function decode(text) {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) throw new SyntaxError('expected an object');
  return eval('(' + trimmed + ')'); // expect: code-injection
}

module.exports = { decode };

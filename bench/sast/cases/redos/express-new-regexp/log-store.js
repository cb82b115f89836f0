const lines = [];

function recentLines() {
  return lines.slice(-5000);
}

function append(line) {
  lines.push(line);
  if (lines.length > 10000) lines.splice(0, 5000);
}

module.exports = { recentLines, append };

exports.logMiss = function logMiss(term) {
  console.log(`${new Date().toISOString()} INFO search-miss term=${JSON.stringify(term)}`);
};

exports.logMiss = function logMiss(term) {
  console.log(`${new Date().toISOString()} INFO search-miss term=${term}`); // expect: log-injection
};

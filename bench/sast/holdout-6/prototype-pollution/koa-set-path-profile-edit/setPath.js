module.exports.setPath = function setPath(obj, dotted, value) {
  const keys = dotted.split('.');
  let cur = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    if (cur[keys[i]] === undefined) cur[keys[i]] = {}; // expect: prototype-pollution
    cur = cur[keys[i]];
  }
  cur[keys[keys.length - 1]] = value; // expect: prototype-pollution
};

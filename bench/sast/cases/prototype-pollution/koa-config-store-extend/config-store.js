class ConfigStore {
  constructor(initial) {
    this.state = initial;
  }

  static extend(target, src) {
    for (const key in src) {
      if (!Object.prototype.hasOwnProperty.call(src, key)) continue;
      const value = src[key];
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        if (typeof target[key] !== 'object' || target[key] === null) target[key] = {}; // expect: prototype-pollution
        ConfigStore.extend(target[key], value);
      } else {
        target[key] = value; // expect: prototype-pollution
      }
    }
    return target;
  }

  apply(patch) {
    return ConfigStore.extend(this.state, patch);
  }
}

module.exports = { ConfigStore };

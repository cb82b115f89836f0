type Bag = Record<string, any>;

export function setPath(target: Bag, dotted: string, value: unknown): Bag {
  const keys = dotted.split('.');
  keys.reduce((node: Bag, key, i) => {
    if (i === keys.length - 1) {
      node[key] = value; // expect: prototype-pollution
    } else if (typeof node[key] !== 'object' || node[key] === null) {
      node[key] = {}; // expect: prototype-pollution
    }
    return node[key];
  }, target);
  return target;
}

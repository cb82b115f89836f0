export function setIn(target: Record<string, any>, keys: string[], value: unknown): void {
  let node = target;
  keys.forEach((key, index) => {
    if (index === keys.length - 1) {
      node[key] = value; // expect: prototype-pollution
    } else {
      node[key] = node[key] ?? {}; // expect: prototype-pollution
      node = node[key];
    }
  });
}

type Tree = { [key: string]: Tree | boolean | string };

export class FlagStore {
  private readonly tree: Tree = {};

  set(path: string[], value: boolean | string): void {
    const last = path[path.length - 1];
    let node: Tree = this.tree;
    for (const segment of path.slice(0, -1)) {
      if (typeof node[segment] !== 'object') node[segment] = {}; // expect: prototype-pollution
      node = node[segment] as Tree;
    }
    node[last] = value; // expect: prototype-pollution
  }

  snapshot(): Tree {
    return structuredClone(this.tree);
  }
}

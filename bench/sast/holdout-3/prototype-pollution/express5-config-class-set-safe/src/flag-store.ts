type Tree = { [key: string]: Tree | boolean | string };

export class FlagStore {
  private readonly tree: Tree = {};

  set(path: string[], value: boolean | string): void {
    if (path.some((segment) => segment === '__proto__' || segment === 'constructor' || segment === 'prototype')) {
      throw new Error('invalid flag path');
    }
    const last = path[path.length - 1];
    let node: Tree = this.tree;
    for (const segment of path.slice(0, -1)) {
      if (typeof node[segment] !== 'object') node[segment] = {};
      node = node[segment] as Tree;
    }
    node[last] = value;
  }

  snapshot(): Tree {
    return structuredClone(this.tree);
  }
}

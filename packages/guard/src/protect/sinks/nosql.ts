import { detectNoSqlInjection } from '../nosql/detect.js';
import { inspect } from '../check.js';
import { currentContext, userSources } from '../context.js';
import { wrapMethod, type SinkHook } from './hook.js';

// Collection methods whose first argument is a filter (aggregate: a pipeline, walked the same way).
const FILTER_METHODS = [
  'find', 'findOne', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'updateOne', 'updateMany',
  'replaceOne', 'deleteOne', 'deleteMany', 'countDocuments', 'aggregate', 'watch',
];

const CURSOR_METHODS = new Set(['find', 'aggregate', 'watch']);

/** The MongoDB driver; Mongoose calls the driver's Collection, so it is covered through this hook. */
export const MONGODB_SINK: SinkHook = Object.freeze({
  module: 'mongodb',
  versions: '>=4 <8',
  kind: 'nosql-injection',
  methods: [...FILTER_METHODS.map((m) => `Collection.prototype.${m}`), 'Collection.prototype.distinct (filter is argument 2)'],
  install(exports: unknown) {
    const proto = (exports as { Collection?: { prototype: Record<string, unknown> } }).Collection?.prototype;
    if (!proto) return;
    const hook = (name: string, index: number) =>
      wrapMethod(proto, name, (original) => function (this: unknown, ...args: unknown[]) {
        const ctx = currentContext();
        if (ctx) {
          try {
            // Before the driver sends anything: a blocked filter never leaves the process.
            inspect(`mongodb.${name}`, () => detectNoSqlInjection(args[index], userSources(ctx)));
          } catch (blocked) {
            // find/aggregate/watch return a cursor synchronously; the others return promises.
            if (CURSOR_METHODS.has(name)) throw blocked;
            return Promise.reject(blocked);
          }
        }
        return original.apply(this, args);
      });
    for (const name of FILTER_METHODS) hook(name, 0);
    hook('distinct', 1);
  },
});

import { createNextApiHandler } from '@trpc/server/adapters/next';
import { router } from '../../../server/trpc';
import { postsRouter } from '../../../server/routers/posts';

export const appRouter = router({ posts: postsRouter });

export default createNextApiHandler({ router: appRouter, createContext: () => ({}) });

import { createNextApiHandler } from '@trpc/server/adapters/next';
import { userRouter } from '../../../server/routers/user';

export default createNextApiHandler({ router: userRouter, createContext: () => ({}) });

import Koa from 'koa';
import { locale } from './middleware/locale';
import { messages } from './routes/messages';

const app = new Koa();
app.use(locale);
app.use(messages.routes());
app.listen(3000);

import express from 'express';
import Database from 'better-sqlite3';
import { CatalogService } from './services/catalog.mjs';
import booksRouter from './routes/books.mjs';

const app = express();
app.locals.catalog = new CatalogService(new Database('catalog.db', { readonly: true }));
app.use('/books', booksRouter);
app.listen(3000);

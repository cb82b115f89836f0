import { Controller, Get, Query } from '@nestjs/common';
import { BooksService } from './books.service';

@Controller('books')
export class BooksController {
  constructor(private readonly books: BooksService) {}

  @Get('title')
  title(@Query('isbn') isbn: string) {
    return { title: this.books.titleOf(isbn) };
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Product } from './product.schema';
import { SearchQuery } from './search-query.dto';

@Controller('products')
export class ProductsController {
  constructor(@InjectModel(Product.name) private readonly products: Model<Product>) {}

  @Get()
  search(@Query() query: SearchQuery) {
    return this.products.find({ category: query.category }, { name: 1, price: 1 }).limit(50).lean(); // expect: nosql-injection
  }
}

import { Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { ProductsController } from './products/products.controller';
import { Product, ProductSchema } from './products/product.schema';

@Module({
  imports: [MongooseModule.forRoot('mongodb://127.0.0.1/shop'), MongooseModule.forFeature([{ name: Product.name, schema: ProductSchema }])],
  controllers: [ProductsController],
  providers: [{ provide: APP_PIPE, useValue: new ValidationPipe({ transform: true }) }],
})
export class AppModule {}

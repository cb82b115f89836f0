import { Args, Query, Resolver, Context } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { OrdersService } from './orders.service';

@Resolver('Order')
export class OrdersResolver {
  constructor(private readonly orders: OrdersService) {}

  @Query('orders')
  list(@Args('filter', { type: () => GraphQLJSON, nullable: true }) filter: Record<string, unknown> = {}, @Context('tenantId') tenantId: string) {
    return this.orders.search(filter, tenantId);
  }
}

import { Body, Controller, Post } from '@nestjs/common';
import { WarehouseClient } from './warehouse.client';

class ReserveStockDto {
  sku!: string;
  quantity!: number;
}

@Controller('stock')
export class StockController {
  constructor(private readonly warehouse: WarehouseClient) {}

  @Post('reserve')
  async reserve(@Body() dto: ReserveStockDto) {
    const reservationId = await this.warehouse.reserve(String(dto.sku), Math.max(1, Math.floor(Number(dto.quantity)) || 1));
    return { reservationId };
  }
}

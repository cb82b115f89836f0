import { DataSource, Repository } from 'typeorm';
import { Customer } from './customer.entity';

export class CustomerDirectory {
  private readonly customers: Repository<Customer>;

  constructor(dataSource: DataSource) {
    this.customers = dataSource.getRepository(Customer);
  }

  all() {
    return this.customers.find();
  }
}

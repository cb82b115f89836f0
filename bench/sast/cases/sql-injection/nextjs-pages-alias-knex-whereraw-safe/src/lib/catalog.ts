import { db } from '@/lib/db';

export function searchProducts(term: string) {
  return db('products').select('id', 'name', 'price').whereRaw('name ILIKE ?', [`%${term}%`]);
}

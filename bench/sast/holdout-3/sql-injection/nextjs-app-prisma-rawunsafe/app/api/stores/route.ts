import { NextRequest, NextResponse } from 'next/server';
import { storesInCity } from '@/lib/stores';

export async function GET(request: NextRequest) {
  const city = request.nextUrl.searchParams.get('city') ?? '';
  const stores = await storesInCity(city);
  return NextResponse.json({ stores });
}

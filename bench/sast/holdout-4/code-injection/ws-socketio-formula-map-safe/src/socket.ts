import { Server } from 'socket.io';
import { FORMULAS } from './formulas';

interface ComputeEvent {
  name: string;
  body?: string;
  rows: Array<Record<string, number>>;
}

export function attach(io: Server) {
  io.on('connection', (socket) => {
    socket.on('compute', (event: ComputeEvent, ack: (values: number[]) => void) => {
      const body = FORMULAS.get(event.name);
      if (!body) return ack([]);
      const fn = new Function('row', `return (${body});`) as (row: Record<string, number>) => number;
      ack(event.rows.map((row) => fn(row)));
    });
  });
}

import express from 'express';
import { z } from 'zod';
import { rampart } from '@rampart/guard';
import { sql } from '../db.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

export function eventRoutes({ web }) {
  const router = express.Router();

  router.get('/', (req, res) => {
    res.json(sql.listEvents.all());
  });

  // Who is coming, shown on the event page: the response allowlist lets each attendee's name
  // out and nothing else, whatever the query selects now or after the next refactoring.
  router.get('/:id/attendees', rampart.validate({ params: IdParams, response: { fields: ['name'] } }), (req, res) => {
    res.json(sql.attendees.all(req.validated.params.id));
  });

  router.post('/:id/register', web.requireUser, rampart.validate({ params: IdParams }), (req, res) => {
    const event = sql.eventById.get(req.validated.params.id);
    if (!event) return res.status(404).json({ error: 'Event not found' });
    sql.register.run(event.id, Number(req.auth.userId));
    res.status(201).json({ ok: true });
  });

  return router;
}

/**
 * A request's guard state is kept where it costs least: a property on a request still on node's
 * own prototype, a process-wide WeakMap for one whose prototype Express swapped. Either way every
 * reader finds it, also when an app swaps the prototype after the guard ran.
 */
import assert from 'node:assert/strict';
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, it } from 'node:test';
import type { RequestState } from '../src/request-state.ts';
import { kState, requestState, setRequestState } from '../src/request-state.ts';
import { requestIdOf } from '../src/protect/events.ts';
import type { RequestContext } from '../src/protect/context.ts';

function stateWithId(requestId: string): RequestState {
  return { requestId, nonce: '', plainHttpLocalhost: false, guard: {} as RequestState['guard'], responseHookRan: false };
}

describe('request state storage', () => {
  it('a request on node’s prototype keeps its state in a property, found after a later prototype swap', () => {
    const req = new IncomingMessage(new Socket());
    const state = stateWithId('node-1');
    setRequestState(req, state);
    assert.equal((req as unknown as Record<symbol, unknown>)[kState], state);
    Object.setPrototypeOf(req, Object.create(IncomingMessage.prototype));
    assert.equal(requestState(req), state);
    assert.equal(requestIdOf({ req } as unknown as RequestContext), 'node-1');
  });

  it('a request Express swapped keeps its state in the shared WeakMap, no property added', () => {
    const req = new IncomingMessage(new Socket());
    Object.setPrototypeOf(req, Object.create(IncomingMessage.prototype));
    const state = stateWithId('express-1');
    setRequestState(req, state);
    assert.equal(Object.prototype.hasOwnProperty.call(req, kState), false);
    assert.equal(requestState(req), state);
    assert.equal((globalThis as unknown as Record<symbol, WeakMap<object, RequestState>>)[kState].get(req), state);
    assert.equal(requestIdOf({ req } as unknown as RequestContext), 'express-1');
  });

  it('a request no guard saw has no state', () => {
    const req = new IncomingMessage(new Socket());
    assert.equal(requestState(req), undefined);
    assert.equal(requestIdOf({ req, requestId: 'own' } as unknown as RequestContext), 'own');
  });
});

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, SecretsStore, type GeneratedKeyPair } from '@rampart/secrets';

/** A fresh project folder with a .git marker, so "inside the repository" has a meaning. */
export function tempProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-secrets-'));
  mkdirSync(join(dir, '.git'));
  return dir;
}

/** A fresh folder outside any project, for key files. */
export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'rampart-secrets-home-'));
}

/** A saved store with the given values, one recipient; returns its path and key. */
export function makeStore(values: Record<string, string>, opts: { dir?: string; key?: GeneratedKeyPair; now?: () => Date } = {}) {
  const dir = opts.dir ?? tempProject();
  const key = opts.key ?? generateKeyPair();
  const file = join(dir, 'secrets.enc.json');
  const store = SecretsStore.create(file, [{ publicKey: key.publicKey, name: 'alice' }], { writerKey: key.privateKey, now: opts.now });
  for (const [k, v] of Object.entries(values)) store.set(k, v);
  store.save();
  return { dir, file, key };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function writeJson(file: string, doc: Json): void {
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
}

/** Flips one bit of a base64url field, keeping it well-formed, so only authentication can notice. */
export function flipBit(b64: string, byte = 0): string {
  const bytes = Buffer.from(b64, 'base64url');
  bytes[byte % bytes.length] ^= 0x01;
  return bytes.toString('base64url');
}

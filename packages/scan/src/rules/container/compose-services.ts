/**
 * Finds the services of Docker Compose files: docker-compose*.yml and compose*.yaml by
 * name, and any other YAML whose top-level `services:` is a mapping of entries with an
 * `image` or `build` (a GitLab CI `services:` list or a workflow's nested services is not).
 */
import type { ManifestDocument } from './yaml-manifest.js';

const COMPOSE_FILE_NAME = /(^|\/)(docker-)?compose[^/]*\.ya?ml$/i;

export interface ComposeService {
  readonly doc: ManifestDocument;
  readonly name: string;
  /** The service's key node, where service-wide findings go. */
  readonly key: unknown;
  readonly node: unknown;
}

export function composeServices(path: string, docs: readonly ManifestDocument[]): ComposeService[] {
  const named = COMPOSE_FILE_NAME.test(path);
  const out: ComposeService[] = [];
  for (const doc of docs) {
    const services = doc.get(doc.root, 'services')?.value;
    if (!doc.isMap(services)) continue;
    const entries = doc.entries(services).filter((e) => doc.isMap(e.value));
    const looksLikeCompose = named || entries.some((e) => doc.get(e.value, 'image') || doc.get(e.value, 'build'));
    if (!looksLikeCompose) continue;
    for (const e of entries) out.push({ doc, name: e.name, key: e.key, node: e.value });
  }
  return out;
}

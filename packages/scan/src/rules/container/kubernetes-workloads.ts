/**
 * Finds pod specs in Kubernetes manifests, whatever workload wraps them, and the
 * containers inside. Kinds are data: a new workload kind is one line here.
 */
import type { ManifestDocument } from './yaml-manifest.js';

/** Where each workload kind keeps its pod spec. */
export const POD_SPEC_PATHS: ReadonlyMap<string, readonly string[]> = new Map([
  ['Pod', ['spec']],
  ['Deployment', ['spec', 'template', 'spec']],
  ['StatefulSet', ['spec', 'template', 'spec']],
  ['DaemonSet', ['spec', 'template', 'spec']],
  ['ReplicaSet', ['spec', 'template', 'spec']],
  ['ReplicationController', ['spec', 'template', 'spec']],
  ['Job', ['spec', 'template', 'spec']],
  ['CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
  ['PodTemplate', ['template', 'spec']],
  ['Rollout', ['spec', 'template', 'spec']], // Argo Rollouts
]);

/** Container lists of a pod spec; init containers run first and with the same powers. */
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

export interface PodSpec {
  readonly doc: ManifestDocument;
  readonly kind: string;
  /** metadata.name of the workload, for messages. */
  readonly workload: string;
  readonly node: unknown;
}

export interface Container {
  readonly pod: PodSpec;
  readonly node: unknown;
  readonly name: string;
  /** Where findings about this container go: its `name:` key, else the list item. */
  readonly at: { line: number; column: number };
}

function collect(doc: ManifestDocument, node: unknown, out: PodSpec[], depth: number): void {
  const kind = doc.scalar(doc.get(node, 'kind')?.value);
  const apiVersion = doc.scalar(doc.get(node, 'apiVersion')?.value);
  if (typeof kind !== 'string' || typeof apiVersion !== 'string') return;
  if (kind === 'List' && depth < 4) {
    // `kubectl get -o yaml` output wraps objects in a List.
    for (const item of doc.items(doc.get(node, 'items')?.value)) collect(doc, item, out, depth + 1);
    return;
  }
  const path = POD_SPEC_PATHS.get(kind);
  if (!path) return;
  const spec = doc.getIn(node, path);
  if (!doc.isMap(spec)) return;
  const name = doc.scalar(doc.getIn(node, ['metadata', 'name']));
  out.push({ doc, kind, workload: `${kind}${typeof name === 'string' ? ` ${name}` : ''}`, node: spec });
}

/** Every pod spec in a manifest file's documents. */
export function podSpecs(docs: readonly ManifestDocument[]): PodSpec[] {
  const out: PodSpec[] = [];
  for (const doc of docs) collect(doc, doc.root, out, 0);
  return out;
}

export function containers(pod: PodSpec): Container[] {
  const { doc } = pod;
  const out: Container[] = [];
  for (const list of CONTAINER_LISTS) {
    for (const node of doc.items(doc.get(pod.node, list)?.value)) {
      if (!doc.isMap(node)) continue;
      const nameEntry = doc.get(node, 'name');
      const name = doc.scalar(nameEntry?.value);
      out.push({ pod, node, name: typeof name === 'string' ? name : '(unnamed)', at: doc.position(nameEntry?.key ?? node) });
    }
  }
  return out;
}

/** Windows pods have no uid 0 and no runAsNonRoot; they use windowsOptions instead. */
export function isWindowsPod(pod: PodSpec): boolean {
  return pod.doc.scalar(pod.doc.getIn(pod.node, ['os', 'name'])) === 'windows';
}

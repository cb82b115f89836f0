import type { FileFindingInput, FileRule } from '../types.js';
import { containers, isWindowsPod, podSpecs, type Container, type PodSpec } from './kubernetes-workloads.js';
import { isYamlPath, readYamlDocuments, type Entry } from './yaml-manifest.js';

/**
 * Kubernetes runs a container as its image's USER unless the pod or the container says
 * otherwise. A container is safe when its effective securityContext (container fields
 * override pod fields one by one) has a runAsUser other than 0, or runAsNonRoot: true,
 * which makes the kubelet refuse to start it as root. Decision: a pod-level runAsUser: 0
 * that every container overrides is still reported once, at low severity, because the
 * next container added to the pod inherits it.
 */

/** A uid written as a number or a numeric string; undefined for anything else (e.g. a template). */
function uidOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

interface Setting {
  readonly entry: Entry;
  readonly level: 'container' | 'pod';
}

function setting(c: Container, podContext: unknown, field: string): Setting | undefined {
  const { doc } = c.pod;
  const own = doc.get(doc.get(c.node, 'securityContext')?.value, field);
  if (own) return { entry: own, level: 'container' };
  const inherited = doc.get(podContext, field);
  return inherited ? { entry: inherited, level: 'pod' } : undefined;
}

function checkPod(pod: PodSpec, out: FileFindingInput[]): void {
  const { doc } = pod;
  const podContext = doc.get(pod.node, 'securityContext')?.value;
  const podUser = doc.get(podContext, 'runAsUser');
  let podRootInherited = false;
  for (const c of containers(pod)) {
    const where = `container "${c.name}" of ${pod.workload}`;
    const user = setting(c, podContext, 'runAsUser');
    const uid = user ? uidOf(doc.scalar(user.entry.value)) : undefined;
    if (user && uid === 0) {
      if (user.level === 'pod') podRootInherited = true;
      const line = doc.position(user.entry.key).line;
      out.push({ ...c.at, confidence: 'high', message: `The ${where} runs as root: runAsUser: 0 (line ${line}${user.level === 'pod' ? ', set for the whole pod' : ''}). A compromised app then owns the container and is one escape away from the node.` });
      continue;
    }
    if (user && uid !== undefined) continue; // a non-zero uid
    if (user) continue; // a value we cannot read, e.g. a templated string: not our call
    const nonRoot = setting(c, podContext, 'runAsNonRoot');
    if (nonRoot && doc.isTrue(nonRoot.entry.value)) continue;
    const detail = nonRoot
      ? `runAsNonRoot is not true (line ${doc.position(nonRoot.entry.key).line}${nonRoot.level === 'pod' ? ', pod level' : ''})`
      : 'neither it nor the pod sets runAsNonRoot: true or a non-zero runAsUser';
    out.push({ ...c.at, message: `The ${where} may run as root: ${detail}, so it runs as the image's USER, which is root for most images.` });
  }
  if (podUser && uidOf(doc.scalar(podUser.value)) === 0 && !podRootInherited) {
    out.push({
      ...doc.position(podUser.key),
      severity: 'low',
      message: `runAsUser: 0 is set for the whole of ${pod.workload}; every container overrides it today, but a container added later runs as root.`,
    });
  }
}

const rule: FileRule = {
  kind: 'file',
  meta: {
    id: 'k8s-runs-as-root',
    title: 'A Kubernetes container may run as root',
    practice: 10,
    cwe: 'CWE-250',
    severity: 'high',
    confidence: 'medium',
    description:
      "Unless its securityContext says otherwise, a container runs as its image's USER, and for most images that is root. Root in a container can rewrite the app, read every mounted secret and token, and turns any container-runtime or kernel bug into control of the node. Kubernetes can enforce a non-root user (runAsNonRoot: true) or set one (runAsUser), per pod or per container; container settings override the pod's.",
    fix: 'Set `securityContext: { runAsNonRoot: true, runAsUser: 10001 }` on the pod (or each container), build the image with a non-root USER, and never set `runAsUser: 0`.',
  },
  samples: {
    valid: [
      {
        filename: 'deploy/api.yaml',
        code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n      initContainers:\n        - name: migrate\n          image: ghcr.io/acme/api:1.4.2\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
      },
      {
        // A ConfigMap quoting runAsUser: 0 as text, and a Service: neither runs anything.
        filename: 'k8s/all.yml',
        code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: docs\ndata:\n  note: |\n    never set runAsUser: 0\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports:\n    - port: 80\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16\n          securityContext:\n            runAsUser: 999\n',
      },
      {
        filename: 'cron.yaml',
        code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: report\n              image: ghcr.io/acme/report:2\n              securityContext:\n                runAsNonRoot: true\n',
      },
      {
        // An unrendered Helm template does not parse: skipped, no crash.
        filename: 'chart/templates/deployment.yaml',
        code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  template:\n    spec:\n      {{- with .Values.podSecurityContext }}\n      securityContext:\n        {{- toYaml . | nindent 8 }}\n      {{- end }}\n      containers:\n        - name: app\n          image: "{{ .Values.image.repository }}"\n',
      },
      {
        // Not a Kubernetes object (no apiVersion), and a Windows pod.
        filename: 'values.yaml',
        code: 'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: win\nspec:\n  os:\n    name: windows\n  containers:\n    - name: iis\n      image: mcr.microsoft.com/windows/servercore/iis\n',
      },
    ],
    invalid: [
      {
        filename: 'deployment.yaml',
        code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: web\n          image: node:20-alpine\n          ports:\n            - containerPort: 3000\n',
      },
      {
        // Multi-document: one container is protected, its sidecar is not.
        filename: 'k8s/web.yml',
        code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ghcr.io/acme/web:3\n          securityContext:\n            runAsNonRoot: true\n        - name: log-shipper\n          image: fluent/fluent-bit:3.0\n',
      },
      {
        filename: 'cronjob.yaml',
        code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          securityContext:\n            runAsNonRoot: true\n          containers:\n            - name: backup\n              image: ghcr.io/acme/backup:1\n              securityContext:\n                runAsUser: 0\n',
      },
      {
        // The container overrides the pod-level promise.
        filename: 'pod.yaml',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: shell\n      image: busybox:1.36\n      securityContext:\n        runAsNonRoot: false\n',
      },
      {
        // Init containers count too; pod-level runAsUser: 0 reaches the one that does not override it.
        filename: 'statefulset.yaml',
        code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: redis\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsUser: 0\n      initContainers:\n        - name: fix-perms\n          image: busybox:1.36\n      containers:\n        - name: redis\n          image: redis:7\n          securityContext:\n            runAsUser: 999\n',
      },
      {
        filename: 'daemonset.yaml',
        count: 1,
        code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsUser: 0\n      containers:\n        - name: agent\n          image: ghcr.io/acme/agent:1\n          securityContext:\n            runAsUser: 65532\n',
      },
      {
        filename: 'rendered.yaml',
        count: 2,
        code: '# Source: shop/templates/job.yaml\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: Job\n    metadata:\n      name: seed\n    spec:\n      template:\n        spec:\n          containers:\n            - name: seed\n              image: ghcr.io/acme/seed:1\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: tmp\n    spec:\n      containers:\n        - image: alpine:3.20\n',
      },
    ],
  },
  appliesTo: isYamlPath,
  check({ text }) {
    if (!text.includes('apiVersion') || !text.includes('kind')) return [];
    const out: FileFindingInput[] = [];
    for (const pod of podSpecs(readYamlDocuments(text))) if (!isWindowsPod(pod)) checkPod(pod, out);
    return out;
  },
};

export default rule;

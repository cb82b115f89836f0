import type { Severity } from '@rampart/core';
import type { FileFindingInput, FileRule } from '../types.js';
import { containers, podSpecs, type PodSpec } from './kubernetes-workloads.js';
import { isYamlPath, readYamlDocuments } from './yaml-manifest.js';

/**
 * Settings that give a pod host-level power, each reported where it is written.
 * Decision: only an explicit `allowPrivilegeEscalation: true` is reported. Leaving it
 * out also allows escalation (through setuid binaries), but flagging every container
 * without the line would bury the settings above; the Pod Security "restricted" profile
 * is the place to require `false` everywhere.
 */
const HOST_NAMESPACES: ReadonlyMap<string, { severity: Severity; why: string }> = new Map([
  ['hostPID', { severity: 'high', why: 'sees and can signal or ptrace every process on the node' }],
  ['hostNetwork', { severity: 'high', why: "shares the node's network: it can bind node ports and reach services listening on localhost" }],
  ['hostIPC', { severity: 'medium', why: "shares the node's shared memory and IPC with its processes" }],
]);

/** Added capabilities that amount to, or open a path to, root on the node. */
const DANGEROUS_CAPABILITIES: ReadonlyMap<string, { severity: Severity; why: string }> = new Map([
  ['ALL', { severity: 'high', why: 'every Linux capability, nearly the same as privileged: true' }],
  ['SYS_ADMIN', { severity: 'high', why: 'mount, namespaces and more: the usual way out of a container' }],
  ['SYS_MODULE', { severity: 'high', why: 'loads kernel modules, that is code in the host kernel' }],
  ['SYS_PTRACE', { severity: 'medium', why: 'reads and rewrites the memory of other processes' }],
  ['DAC_READ_SEARCH', { severity: 'medium', why: 'reads files regardless of permissions, and opens host files by handle' }],
  ['NET_ADMIN', { severity: 'medium', why: 'reconfigures interfaces, routes and firewall rules' }],
  ['BPF', { severity: 'medium', why: 'loads eBPF programs into the kernel' }],
]);

function checkPod(pod: PodSpec, out: FileFindingInput[]): void {
  const { doc } = pod;
  for (const [field, { severity, why }] of HOST_NAMESPACES) {
    const entry = doc.get(pod.node, field);
    if (entry && doc.isTrue(entry.value)) {
      out.push({ ...doc.position(entry.key), severity, message: `${field}: true on ${pod.workload}: the pod ${why}.` });
    }
  }
  for (const c of containers(pod)) {
    const where = `container "${c.name}" of ${pod.workload}`;
    // A setting shared through an anchor is reported on each container that uses it.
    const at = (node: unknown): { line: number; column: number } => (doc.contains(c.node, node) ? doc.position(node) : c.at);
    const context = doc.get(c.node, 'securityContext')?.value;
    const privileged = doc.get(context, 'privileged');
    if (privileged && doc.isTrue(privileged.value)) {
      out.push({ ...at(privileged.key), severity: 'critical', message: `privileged: true gives the ${where} every capability and all host devices: root in it is root on the node.` });
    }
    const escalation = doc.get(context, 'allowPrivilegeEscalation');
    if (escalation && doc.isTrue(escalation.value)) {
      out.push({ ...at(escalation.key), severity: 'medium', message: `allowPrivilegeEscalation: true lets processes in the ${where} gain more privileges than their parent (setuid binaries, file capabilities), e.g. back to root.` });
    }
    for (const item of doc.items(doc.getIn(context, ['capabilities', 'add']))) {
      const raw = doc.scalar(item);
      if (typeof raw !== 'string') continue;
      const name = raw.trim().toUpperCase().replace(/^CAP_/, '');
      const danger = DANGEROUS_CAPABILITIES.get(name);
      if (danger) out.push({ ...at(item), severity: danger.severity, message: `The ${where} adds capability ${raw}: ${danger.why}.` });
    }
  }
}

const rule: FileRule = {
  kind: 'file',
  meta: {
    id: 'k8s-privileged',
    title: 'A Kubernetes pod is privileged or shares host namespaces',
    practice: 10,
    cwe: 'CWE-250',
    severity: 'high',
    confidence: 'high',
    description:
      "A privileged container, one that adds SYS_ADMIN or ALL capabilities, or a pod in the host's PID, network or IPC namespace has powers over the node itself, not just over its container. Any code execution in such a pod (a vulnerable dependency, an injection) becomes control of the node and of every other pod scheduled there. allowPrivilegeEscalation: true lets a non-root process become root again through setuid binaries.",
    fix: 'Remove `privileged`, `hostPID`, `hostNetwork` and `hostIPC`; set `allowPrivilegeEscalation: false` and `capabilities: { drop: [ALL] }`, adding back only narrow capabilities such as NET_BIND_SERVICE.',
  },
  samples: {
    valid: [
      {
        filename: 'deploy.yaml',
        code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      hostNetwork: false\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1\n          securityContext:\n            privileged: false\n            allowPrivilegeEscalation: false\n            capabilities:\n              drop: [ALL]\n              add: [NET_BIND_SERVICE]\n',
      },
      {
        // Text about privileged settings inside a ConfigMap, and a Service.
        filename: 'k8s/all.yaml',
        code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: policy\ndata:\n  policy.yaml: |\n    privileged: true\n    hostPID: true\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports: [{ port: 80 }]\n',
      },
      {
        // No securityContext at all is left to k8s-runs-as-root and Pod Security admission.
        filename: 'pod.yml',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  containers:\n    - name: hello\n      image: busybox:1.36\n      command: ["echo", "privileged: true"]\n',
      },
      {
        filename: 'job.yaml',
        code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      hostPID: false\n      containers:\n        - name: migrate\n          image: ghcr.io/acme/migrate:1\n          securityContext:\n            capabilities:\n              drop:\n                - ALL\n                - SYS_ADMIN\n',
      },
    ],
    invalid: [
      {
        filename: 'daemonset.yaml',
        code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: node-agent\nspec:\n  template:\n    spec:\n      containers:\n        - name: agent\n          image: ghcr.io/acme/agent:1\n          securityContext:\n            privileged: true\n',
      },
      {
        filename: 'debug-pod.yaml',
        count: 2,
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  hostNetwork: true\n  hostPID: true\n  containers:\n    - name: shell\n      image: nicolaka/netshoot\n',
      },
      {
        filename: 'deploy.yaml',
        code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vpn\nspec:\n  template:\n    spec:\n      containers:\n        - name: vpn\n          image: ghcr.io/acme/vpn:2\n          securityContext:\n            capabilities:\n              drop: [ALL]\n              add: [NET_BIND_SERVICE, CAP_SYS_ADMIN]\n',
      },
      {
        filename: 'web.yaml',
        code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ghcr.io/acme/web:3\n          securityContext:\n            runAsNonRoot: true\n            allowPrivilegeEscalation: true\n',
      },
      {
        // Second document of a multi-doc file, in a CronJob, through a YAML anchor.
        filename: 'k8s/jobs.yml',
        count: 2,
        code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: cleaner\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: cleaner\nspec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n            - name: prepare\n              image: busybox:1.36\n              securityContext: &root\n                privileged: true\n          containers:\n            - name: clean\n              image: ghcr.io/acme/cleaner:1\n              securityContext: *root\n',
      },
    ],
  },
  appliesTo: isYamlPath,
  check({ text }) {
    if (!text.includes('apiVersion') || !text.includes('kind')) return [];
    const out: FileFindingInput[] = [];
    for (const pod of podSpecs(readYamlDocuments(text))) checkPod(pod, out);
    return out;
  },
};

export default rule;

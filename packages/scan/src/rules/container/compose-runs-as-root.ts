import type { FileFindingInput, FileRule } from '../types.js';
import { composeServices, type ComposeService } from './compose-services.js';
import { isRootUser, tagPromisesNonRoot } from './root-user.js';
import { isYamlPath, readYamlDocuments } from './yaml-manifest.js';

/**
 * Compose runs a service as its `user:` or, without one, as the image's USER.
 *  - `user: root` / `"0"` / `0:0` and `privileged: true` are reported where they are written.
 *  - A service that `build:`s a local Dockerfile and sets no user is left to
 *    dockerfile-runs-as-root, which reads that Dockerfile's USER.
 *  - A service that only names an `image:` and sets no user is reported at low severity
 *    and low confidence: the image may well set a USER that we cannot see from here.
 *  - `extends:` and `user: ${UID}` come from elsewhere and are not judged.
 */
function checkService(s: ComposeService, out: FileFindingInput[]): void {
  const { doc } = s;
  const privileged = doc.get(s.node, 'privileged');
  if (privileged && doc.isTrue(privileged.value)) {
    out.push({
      ...doc.position(privileged.key),
      severity: 'critical',
      message: `Service "${s.name}" is privileged: it gets every capability and the host's devices, so root in it is root on the host.`,
    });
  }
  const user = doc.get(s.node, 'user');
  if (user) {
    const value = doc.scalar(user.value);
    if ((typeof value === 'string' || typeof value === 'number') && !String(value).includes('$') && isRootUser(String(value))) {
      out.push({
        ...doc.position(user.key),
        message: `Service "${s.name}" sets user: ${String(value)}: its process runs as root, so code execution in it means root in the container.`,
      });
    }
    return;
  }
  if (doc.get(s.node, 'build') || doc.get(s.node, 'extends')) return;
  const image = doc.scalar(doc.get(s.node, 'image')?.value);
  if (typeof image !== 'string' || tagPromisesNonRoot(image)) return;
  out.push({
    ...doc.position(s.key),
    severity: 'low',
    confidence: 'low',
    message: `Service "${s.name}" sets no user, so it runs as the default user of ${image}, which is root unless that image sets a USER. Add user: "<uid>:<gid>" if the image allows it.`,
  });
}

const rule: FileRule = {
  kind: 'file',
  meta: {
    id: 'compose-runs-as-root',
    title: 'A Compose service runs as root or privileged',
    practice: 10,
    cwe: 'CWE-250',
    severity: 'high',
    confidence: 'high',
    description:
      "Docker Compose runs each service as its `user:` or, without one, as its image's USER, which is root for most images. `user: root` states it outright, and `privileged: true` additionally hands the container every capability and the host's devices. Code execution in such a service (a vulnerable dependency, an injection) is then root in the container, or on the host.",
    fix: 'Set `user: "10001:10001"` (or build the image with a non-root USER) and remove `privileged: true`; add single capabilities with `cap_add` only if a service truly needs them.',
  },
  samples: {
    valid: [
      { filename: 'docker-compose.yml', code: 'services:\n  api:\n    build: .\n    ports:\n      - "3000:3000"\n  worker:\n    build:\n      context: .\n      dockerfile: Dockerfile.worker\n' },
      { filename: 'compose.yaml', code: 'services:\n  api:\n    image: ghcr.io/acme/api:1.4\n    user: "10001:10001"\n  cache:\n    image: redis:7\n    user: redis\n  dev:\n    image: node:20\n    user: "${UID:-1000}:${GID:-1000}"\n  docs:\n    image: gcr.io/distroless/nodejs20-debian12:nonroot\n    privileged: false\n' },
      {
        // GitLab CI's services: is a list of images, not Compose.
        filename: '.gitlab-ci.yml',
        code: 'test:\n  image: node:20\n  services:\n    - postgres:16\n    - name: redis:7\n      alias: cache\n  script:\n    - npm test\n',
      },
      { filename: 'docker-compose.override.yml', code: 'x-app: &app\n  user: "1000:1000"\n  restart: unless-stopped\nservices:\n  api:\n    <<: *app\n    image: ghcr.io/acme/api:1.4\n  admin:\n    extends:\n      file: common.yml\n      service: admin\n' },
    ],
    invalid: [
      { filename: 'docker-compose.yml', code: 'services:\n  api:\n    build: .\n    user: root\n    ports:\n      - "3000:3000"\n' },
      { filename: 'compose.yaml', count: 2, code: 'services:\n  api:\n    build: .\n    user: "0:0"\n  monitor:\n    build: ./monitor\n    user: "1000"\n    privileged: true\n' },
      { filename: 'docker-compose.prod.yml', code: 'services:\n  api:\n    build: .\n    user: node\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n' },
      { filename: 'compose.yml', code: 'x-defaults: &defaults\n  user: root\n  restart: always\nservices:\n  api:\n    <<: *defaults\n    build: .\n' },
      {
        // Not named like a Compose file, recognised by its services; user as a bare number.
        filename: 'deploy/stack.yml',
        code: 'version: "3.9"\nservices:\n  web:\n    image: ghcr.io/acme/web:3\n    user: 0\n    deploy:\n      replicas: 2\n',
      },
    ],
  },
  appliesTo: isYamlPath,
  check({ path, text }) {
    if (!text.includes('services')) return [];
    const out: FileFindingInput[] = [];
    for (const service of composeServices(path, readYamlDocuments(text))) checkService(service, out);
    return out;
  },
};

export default rule;

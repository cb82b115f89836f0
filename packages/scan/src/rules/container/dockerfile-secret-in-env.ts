import type { FileFindingInput, FileRule } from '../types.js';
import { assignments, isDockerfilePath, readDockerfile, shippedStages, type Dockerfile, type Instruction, type LocatedText, type Stage } from './dockerfile-parse.js';

/**
 * A name is secret when its last word is a secret noun: DB_PASSWORD, GITHUB_TOKEN,
 * STRIPE_API_KEY. When another word follows, the name describes something else:
 * POSTGRES_PASSWORD_FILE is a path, TOKEN_TTL a duration, AUTH_ENABLED a switch. Bare
 * KEY is left out on purpose: official images set GPG_KEY to a public key fingerprint.
 */
const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'TOKEN', 'APIKEY', 'CREDENTIALS', 'CREDENTIAL', 'CREDS', 'AUTH', 'AUTHTOKEN']);
/** Glued forms such as DBPASSWORD or GHTOKEN. */
const SECRET_SUFFIXES = ['PASSWORD', 'PASSWD', 'SECRET', 'TOKEN', 'APIKEY'];
/** Two-word secret nouns: API_KEY, SECRET_ACCESS_KEY, PRIVATE_KEY... */
const KEY_KINDS = new Set(['API', 'ACCESS', 'PRIVATE', 'SECRET', 'ENCRYPTION', 'SIGNING', 'MASTER', 'AUTH', 'ACCOUNT']);
/** Words that may follow the secret noun and keep it a secret: SECRET_KEY_BASE, TOKEN_B64. */
const STILL_SECRET = new Set(['VALUE', 'B64', 'BASE64', 'HEX', 'RAW', 'BASE']);

export function isSecretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  while (words.length > 1 && STILL_SECRET.has(words[words.length - 1])) words.pop();
  const last = words[words.length - 1] ?? '';
  if (SECRET_WORDS.has(last) || SECRET_SUFFIXES.some((s) => last.endsWith(s))) return true;
  return last === 'KEY' && KEY_KINDS.has(words[words.length - 2] ?? '');
}

/** `$NAME`, `${NAME}` or `${NAME:-}`: the value comes from elsewhere, nothing is written down. */
const REFERENCE = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?-)?\}|([A-Za-z_][A-Za-z0-9_]*))$/;
/** Switches and placeholders, not secrets: AUTH=none, TOKEN=<your-token>, PASSWORD=xxxx. */
const NOT_A_SECRET = /^(true|false|yes|no|on|off|none|null|enabled|disabled|[01]|<[^>]*>|x+|\*+|\.\.\.)$/i;
/** npm credentials written into an .npmrc: `//registry.npmjs.org/:_authToken=...`, `npm config set _auth ...`. */
const NPMRC_CREDENTIAL = /(?:^|[\s"'/:])_(authToken|auth|password)(?:\s*=\s*|\s+)(["']?)([^\s"'`;&|\\]+)/g;

interface Context {
  readonly dockerfile: Dockerfile;
  readonly shipped: ReadonlySet<Stage>;
  /** Names of global ARGs with a literal default; a stage's bare `ARG NAME` inherits it. */
  readonly globalDefaults: ReadonlySet<string>;
}

function checkAssignments(ins: Instruction, stage: Stage | undefined, declaredArgs: ReadonlySet<string>, ctx: Context, out: FileFindingInput[]): void {
  const ships = stage !== undefined && ctx.shipped.has(stage);
  for (const a of assignments(ins, ctx.dockerfile.escape)) {
    if (!isSecretName(a.name)) continue;
    const at = ins.body.position(a.offset);
    const value = a.value?.trim() ?? '';
    const ref = REFERENCE.exec(value);
    if (ins.keyword === 'ARG') {
      if (value === '' || ref) {
        // A global ARG without a default only parameterises FROM lines; it reaches a RUN
        // only through a stage's own `ARG NAME`, which is reported there.
        if (!stage || ctx.globalDefaults.has(a.name)) continue;
        out.push({
          ...at,
          severity: ships ? 'medium' : 'low',
          confidence: 'medium',
          message: `ARG ${a.name} passes a secret as a build argument: its value is recorded in the image history (docker history) of every RUN that uses it${ships ? '' : ', here in a builder stage that does not ship'}.`,
        });
      } else if (!NOT_A_SECRET.test(value)) {
        out.push({ ...at, message: `ARG ${a.name} has a literal default: the secret is committed with the Dockerfile and recorded in the history of every RUN that uses it.` });
      }
      continue;
    }
    // ENV
    if (value === '' || NOT_A_SECRET.test(value)) continue;
    if (ref) {
      const source = ref[1] ?? ref[2];
      if (!declaredArgs.has(source)) continue; // e.g. ENV DB_PASSWORD=${DB_PASSWORD}: empty at build time, set at run time
      out.push({
        ...at,
        severity: ships ? 'medium' : 'low',
        confidence: 'medium',
        message: `ENV ${a.name} copies the build argument ${source} into the image's environment, where docker inspect and every process in the container can read it.`,
      });
      continue;
    }
    out.push({ ...at, message: `ENV ${a.name} sets a literal secret: ENV values are stored in the image config, shown by docker inspect and inherited by every process and every image built FROM this one.` });
  }
}

function checkNpmrc(text: LocatedText, out: FileFindingInput[]): void {
  for (const m of text.text.matchAll(NPMRC_CREDENTIAL)) {
    const value = m[3];
    if (value.startsWith('$') || NOT_A_SECRET.test(value)) continue;
    out.push({
      ...text.position(m.index + m[0].length - value.length),
      message: `An npm _${m[1]} is written into the image as a literal: it stays in the layer and the Dockerfile. Mount it at build time with RUN --mount=type=secret instead.`,
    });
  }
}

const rule: FileRule = {
  kind: 'file',
  meta: {
    id: 'dockerfile-secret-in-env',
    title: 'A secret is baked into the image through ENV, ARG or .npmrc',
    practice: 10,
    cwe: 'CWE-798',
    severity: 'high',
    confidence: 'high',
    description:
      'ENV values live in the image config: `docker inspect` prints them and every process and child image inherits them. ARG values are recorded in `docker history` for each RUN that uses them, and a default is committed with the Dockerfile. A token echoed into .npmrc stays in its layer even when a later step deletes the file. Anyone who can pull the image can read all of these.',
    fix: 'Pass build secrets with `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci` (BuildKit) and runtime secrets through the orchestrator (Kubernetes Secret, Compose secrets, a *_FILE path), never through ENV or ARG.',
  },
  samples: {
    valid: [
      {
        // Python's official image sets a public GPG fingerprint; *_FILE names a path.
        filename: 'Dockerfile',
        code: 'FROM python:3.12-slim\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password \\\n    TOKEN_TTL=3600 \\\n    AUTH_ENABLED=true\n',
      },
      {
        filename: 'Dockerfile',
        code: '# syntax=docker/dockerfile:1\nFROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\\n    npm config set //registry.npmjs.org/:_authToken "${NPM_TOKEN}" && npm ci\nUSER node\n',
      },
      { filename: 'Dockerfile', code: 'FROM node:20-slim\n# ENV DB_PASSWORD=hunter2 was removed, see below\nENV DB_PASSWORD=${DB_PASSWORD} API_KEY=""\nENV PASSWORD_MIN_LENGTH=12 OAUTH_CALLBACK_URL=https://example.com/cb\nUSER node\n' },
      { filename: 'Containerfile', code: 'FROM node:20 AS build\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n\nFROM node:20-slim\nENV SECRET_NAME=prod/api/stripe JWT_SECRET_PATH=/run/secrets/jwt\nCOPY --from=build /app /app\nUSER node\n' },
      { filename: 'Dockerfile', code: "FROM node:20-slim\n# npm expands ${NPM_TOKEN} itself when it reads .npmrc at run time\nRUN echo '//registry.npmjs.org/:_authToken=${NPM_TOKEN}' > /home/node/.npmrc\nENV AUTH=none REDIS_PASSWORD=<set-at-runtime>\n" },
    ],
    invalid: [
      { filename: 'Dockerfile', code: 'FROM postgres:16\nENV POSTGRES_USER=app\nENV POSTGRES_PASSWORD=supersecret123\n' },
      { filename: 'Dockerfile', code: 'FROM node:20-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\nUSER node\n' },
      { filename: 'Dockerfile', code: 'FROM node:20-slim\nRUN echo "//registry.npmjs.org/:_authToken=npm_4f9Kq2TzX8LmW1bR7cVyH3sD0aPeJ6uN5gQi" > ~/.npmrc && npm ci\nUSER node\n' },
      { filename: 'Dockerfile', code: 'FROM node:20-slim\nENV STRIPE_API_KEY sk_live_51HxQmTK8d7Jp2vLw0\nUSER node\n' },
      { filename: 'Dockerfile.prod', code: 'FROM node:20-slim\nENV NODE_ENV=production \\\n    jwtSecret="s3cr3t value" \\\n    PORT=3000\nUSER node\n' },
      {
        // Multi-stage: the ARG in the builder does not ship (low), the ENV copy in the final stage does.
        filename: 'Dockerfile',
        count: 3,
        code: 'FROM node:20 AS build\nARG NPM_TOKEN\nRUN npm ci\n\nFROM node:20-slim\nARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN\nUSER node\n',
      },
      { filename: 'ci.dockerfile', code: 'ARG GITHUB_TOKEN=ghp_R2d4Kx9Lm3Qv7Wz1Tb8Nc6Yp0Hs5Jf2Ga4Ue\nFROM alpine:3.20\nARG GITHUB_TOKEN\nRUN apk add git && git clone https://$GITHUB_TOKEN@github.com/acme/private.git\n' },
      { filename: 'Dockerfile', code: 'FROM node:20-slim\nCOPY <<EOF /home/node/.npmrc\n//npm.pkg.github.com/:_authToken=ghp_R2d4Kx9Lm3Qv7Wz1Tb8Nc6Yp0Hs5Jf2Ga4Ue\nEOF\nUSER node\n' },
    ],
  },
  appliesTo: isDockerfilePath,
  check({ text }) {
    const dockerfile = readDockerfile(text);
    const globalDefaults = new Set<string>();
    for (const ins of dockerfile.globals) {
      if (ins.keyword !== 'ARG') continue;
      for (const a of assignments(ins, dockerfile.escape)) if (a.value && !REFERENCE.test(a.value)) globalDefaults.add(a.name);
    }
    const ctx: Context = { dockerfile, shipped: new Set(shippedStages(dockerfile)), globalDefaults };
    const out: FileFindingInput[] = [];
    for (const ins of dockerfile.globals) if (ins.keyword === 'ARG') checkAssignments(ins, undefined, new Set(), ctx, out);
    for (const stage of dockerfile.stages) {
      const declaredArgs = new Set<string>();
      for (const ins of stage.instructions) {
        if (ins.keyword === 'ARG' || ins.keyword === 'ENV') checkAssignments(ins, stage, declaredArgs, ctx, out);
        if (ins.keyword === 'ARG') for (const a of assignments(ins, dockerfile.escape)) declaredArgs.add(a.name);
        if (ins.keyword === 'RUN') checkNpmrc(ins.exec ? { text: ins.exec.join(' '), position: () => ins.body.position(0) } : ins.body, out);
        for (const doc of ins.heredocs) checkNpmrc(doc, out);
      }
    }
    return out;
  },
};

export default rule;

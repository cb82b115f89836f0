import type { FileFindingInput, FileRule } from '../types.js';
import { assignments, isDockerfilePath, readDockerfile, splitWords, type Dockerfile, type Instruction, type Stage } from './dockerfile-parse.js';
import { isRootUser, tagPromisesNonRoot } from './root-user.js';

/**
 * The runtime user is the last USER of the final stage, or of the stages it is built FROM.
 * Without one the container runs as the base image's user, which is root for almost every
 * base image; we flag that too, because a base image's default can change under you.
 * Decision: the only images trusted without a USER are those whose tag says `nonroot`
 * (gcr.io/distroless/*:nonroot, *:debug-nonroot...): the tag is the promise. Chainguard
 * images default to non-root today but make no such promise in the reference, so they are
 * still reported, at low severity and confidence.
 */
const DEFAULTS_TO_NONROOT = /^cgr\.dev\/chainguard\//i;

/** Build-time defaults of ARG and ENV names visible to `upTo`, for `USER ${APP_USER}`. */
function knownValues(dockerfile: Dockerfile, chain: readonly Stage[], upTo: Instruction): Map<string, string> {
  const values = new Map<string, string>();
  const take = (ins: Instruction): void => {
    if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV') return;
    for (const a of assignments(ins, dockerfile.escape)) if (a.value !== undefined) values.set(a.name, a.value);
  };
  dockerfile.globals.forEach(take);
  for (const stage of [...chain].reverse()) {
    for (const ins of stage.instructions) {
      if (ins === upTo) return values;
      take(ins);
    }
  }
  return values;
}

const REFERENCE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Substitutes `$NAME`, `${NAME}` and `${NAME:-default}`; undefined when a name is unknown. */
function substitute(value: string, values: ReadonlyMap<string, string>): string | undefined {
  let unknown = false;
  const out = value.replace(REFERENCE, (_, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const v = values.get(name) || fallback;
    if (v === undefined) unknown = true;
    return v ?? '';
  });
  return unknown ? undefined : out;
}

const rule: FileRule = {
  kind: 'file',
  meta: {
    id: 'dockerfile-runs-as-root',
    title: 'The image runs as root',
    practice: 10,
    cwe: 'CWE-250',
    severity: 'high',
    confidence: 'high',
    description:
      'A container runs its process as the last USER of the final build stage, and as root when there is none: official node, debian and alpine images all default to root. An attacker who gets code execution in a root container can rewrite the app, read every mounted secret and is one kernel or runtime bug away from the host. Only the final stage counts: USER lines in builder stages do not reach the image that runs.',
    fix: 'Add `USER node` (or a numeric user such as `USER 10001:10001`, created with `useradd`) near the end of the final stage, after the steps that need root, and `COPY --chown` the files the app must write.',
  },
  samples: {
    valid: [
      {
        filename: 'Dockerfile',
        code: 'FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:20-slim\nWORKDIR /app\nCOPY --from=build --chown=node:node /app/dist ./dist\nUSER node\nCMD ["node", "dist/server.js"]\n',
      },
      {
        filename: 'Dockerfile',
        code: 'FROM node:20 AS build\nRUN npm ci --omit=dev\n\nFROM gcr.io/distroless/nodejs20-debian12:nonroot\nCOPY --from=build /app /app\nCMD ["/app/server.js"]\n',
      },
      {
        // The final stage builds on a stage that already dropped root.
        filename: 'Dockerfile.prod',
        code: 'FROM node:20-alpine AS base\nRUN addgroup -S app && adduser -S app -G app\nUSER app\n\nFROM base AS prod\nCOPY --chown=app:app . /app\nCMD ["node", "/app/index.js"]\n',
      },
      {
        // Back to root for one step, then down again; group 0 alone is not root.
        filename: 'Containerfile',
        code: 'FROM registry.access.redhat.com/ubi9/nodejs-20\nUSER root\nRUN dnf install -y jq && dnf clean all\n# USER root is needed above for dnf\nUSER 1001:0\nCMD ["npm", "start"]\n',
      },
      {
        filename: 'api.dockerfile',
        code: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-slim\nARG APP_UID=10001\nRUN useradd --uid ${APP_UID} --create-home app\nUSER \\\n    ${APP_UID}\nCMD ["node", "server.js"]\n',
      },
    ],
    invalid: [
      { filename: 'Dockerfile', code: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n' },
      {
        // The only USER is in the builder stage: the final stage still runs as root.
        filename: 'Dockerfile',
        code: 'FROM node:20 AS build\nUSER node\nWORKDIR /home/node/app\nRUN npm ci && npm run build\n\nFROM node:20-slim AS runtime\nCOPY --from=build /home/node/app/dist /app\nCMD ["node", "/app/server.js"]\n',
      },
      { filename: 'Dockerfile.prod', code: 'FROM node:20-slim\nUSER node\nRUN npm ci\nUSER 0:0\nCMD ["node", "server.js"]\n' },
      {
        // "USER app" inside the heredoc is shell text, not an instruction.
        filename: 'Dockerfile',
        code: 'FROM debian:12-slim\nRUN <<EOF\nuseradd app\ncat > /etc/motd <<MOTD\nMOTD\necho done\nEOF\nRUN cat <<NOTE > /README\nUSER app\nNOTE\nCMD ["/usr/local/bin/app"]\n',
      },
      { filename: 'worker.dockerfile', code: 'ARG RUN_AS=root\nFROM python:3.12-slim\nARG RUN_AS\nUSER ${RUN_AS}\nCMD ["python", "worker.py"]\n' },
      { filename: 'Dockerfile', code: 'FROM cgr.dev/chainguard/node:latest\nCOPY --chown=node:node . /app\nCMD ["/app/server.js"]\n' },
      {
        // A custom escape character: the backslash is a path, the backtick continues the line.
        filename: 'Dockerfile.windows',
        code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app C:\\app\\\nUSER `\n  ContainerAdministrator\nCMD ["C:\\\\app\\\\app.exe"]\n',
      },
    ],
  },
  appliesTo: isDockerfilePath,
  check({ text }) {
    const dockerfile = readDockerfile(text);
    const final = dockerfile.stages.at(-1);
    if (!final) return [];
    const chain: Stage[] = [];
    let user: { ins: Instruction; stage: Stage } | undefined;
    for (let s: Stage | undefined = final; s && !chain.includes(s); s = s.parent) {
      chain.push(s);
      const last = s.instructions.filter((i) => i.keyword === 'USER').at(-1);
      if (last) {
        user = { ins: last, stage: s };
        break;
      }
    }
    if (user) {
      const written = splitWords(user.ins.body.text, dockerfile.escape)[0]?.value;
      if (!written) return [];
      const resolved = substitute(written, knownValues(dockerfile, chain, user.ins));
      if (resolved === undefined || !isRootUser(resolved)) return [];
      const inherited = user.stage === final ? '' : ` (inherited by the final stage from stage "${user.stage.name ?? user.stage.index}")`;
      const via = resolved === written ? '' : `, which is "${resolved}" by its build-time default,`;
      const found: FileFindingInput = {
        line: user.ins.line,
        column: user.ins.column,
        message: `USER ${written}${via} is the last USER of the final stage${inherited}: the container runs as root, so code execution in the app means root in the container.`,
        ...(resolved === written ? {} : { confidence: 'medium' as const }),
      };
      return [found];
    }
    const base = chain.at(-1) ?? final;
    const image = base.image;
    if (tagPromisesNonRoot(image)) return [];
    const at = { line: final.from.line, column: final.from.column };
    if (DEFAULTS_TO_NONROOT.test(image)) {
      return [
        {
          ...at,
          severity: 'low',
          confidence: 'low',
          message: `The final stage sets no USER and relies on ${image} defaulting to a non-root user; that default is not pinned by the reference, so state the user with USER.`,
        },
      ];
    }
    const unknownBase = image.includes('$');
    const earlier = dockerfile.stages.find((s) => !chain.includes(s) && s.instructions.some((i) => i.keyword === 'USER'));
    const note = earlier ? ` The USER in stage "${earlier.name ?? earlier.index}" does not carry over: only the final stage's settings reach the image.` : '';
    return [
      {
        ...at,
        ...(unknownBase ? { confidence: 'low' as const } : {}),
        message: `The final stage (FROM ${image}) sets no USER, so the container runs as the base image's default user${image.toLowerCase() === 'scratch' ? ', which for scratch is root (uid 0)' : ', root for almost every base image'}.${note}`,
      },
    ];
  },
};

export default rule;

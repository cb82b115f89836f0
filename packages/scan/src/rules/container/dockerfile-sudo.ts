import type { FileFindingInput, FileRule } from '../types.js';
import { isDockerfilePath, readDockerfile, shippedStages, type Instruction, type LocatedText } from './dockerfile-parse.js';
import { commandWord, nestedShellScript, programName, simpleCommands, type SimpleCommand } from './shell-commands.js';

/**
 * Three ways an image hands root back to its non-root user, most direct first:
 *  - a RUN step calls sudo (or doas): the build user can become root, and so can the
 *    app that later runs as that user (high);
 *  - a sudoers line with NOPASSWD: passwordless root for that user (high);
 *  - a package manager installs sudo/doas (medium): nothing is granted yet, but the
 *    tool for it ships in the image. Decision: reported, at lower severity, because a
 *    sudoers file copied in later (COPY sudoers /etc/sudoers.d/) is invisible to us.
 * Only stages that ship count: sudo in a builder stage used through COPY --from never
 * reaches the running container.
 */
const ESCALATORS = new Set(['sudo', 'doas']);
const ESCALATOR_PACKAGE = /^(sudo|doas)([=<>~:].*)?$/;
const NOPASSWD = /\bNOPASSWD\s*:/g;

/** Package managers and the subcommands that install: `apt-get install`, `apk add`... */
const INSTALLERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['apt-get', ['install']],
  ['apt', ['install']],
  ['aptitude', ['install']],
  ['apk', ['add']],
  ['yum', ['install']],
  ['dnf', ['install']],
  ['microdnf', ['install']],
  ['tdnf', ['install']],
  ['zypper', ['install', 'in']],
]);

function installedEscalator(command: SimpleCommand, programIndex: number, program: string): { value: string; offset: number } | undefined {
  const subcommands = INSTALLERS.get(program);
  if (!subcommands) return undefined;
  const sub = command.findIndex((w, i) => i > programIndex && subcommands.includes(w.value));
  if (sub < 0) return undefined;
  return command.slice(sub + 1).find((w) => !w.value.startsWith('-') && ESCALATOR_PACKAGE.test(w.value));
}

type At = (offset: number) => { line: number; column: number };

function checkCommand(command: SimpleCommand, text: string, at: At, out: FileFindingInput[], depth: number): void {
  const found = commandWord(command);
  if (!found) return;
  const program = programName(found.word);
  if (ESCALATORS.has(program)) {
    out.push({
      ...at(found.word.offset),
      message: `RUN calls ${program}: the image's user can become root through it, and so can the app running as that user, which undoes the non-root USER. Run root steps before USER instead.`,
    });
    return;
  }
  const pkg = installedEscalator(command, found.index, program);
  if (pkg) {
    const name = pkg.value.split(/[=<>~:]/)[0];
    out.push({
      ...at(pkg.offset),
      severity: 'medium',
      message: `${program} installs ${name} into the image: any process in the container can later try to escalate to root through it. Switch users with USER, not with ${name}.`,
    });
  }
  const nested = depth < 3 ? nestedShellScript(command, text) : undefined;
  if (nested) checkScript(nested.script, (o) => at(nested.offset + o), out, depth + 1);
}

function checkScript(script: string, at: At, out: FileFindingInput[], depth = 0): void {
  for (const command of simpleCommands(script)) checkCommand(command, script, at, out, depth);
}

function checkSudoers(text: LocatedText, out: FileFindingInput[]): void {
  for (const m of text.text.matchAll(NOPASSWD)) {
    out.push({
      ...text.position(m.index),
      message: 'A sudoers rule with NOPASSWD gives passwordless root: any process running as that user, including a compromised app, becomes root with one command.',
    });
  }
}

function checkInstruction(ins: Instruction, out: FileFindingInput[]): void {
  if (ins.keyword === 'RUN') {
    if (ins.exec) {
      // The exec form runs one program with no shell: its first word, or `sh -c "<script>"`.
      const at: At = () => ins.body.position(0);
      checkCommand(ins.exec.map((value) => ({ value, offset: 0, quoted: false })), '', at, out, 0);
      checkSudoers({ text: ins.exec.join(' '), position: at }, out);
    } else {
      checkScript(ins.body.text, (o) => ins.body.position(o), out);
      checkSudoers(ins.body, out);
    }
  }
  if (ins.keyword === 'RUN' || ins.keyword === 'COPY' || ins.keyword === 'ADD') {
    for (const doc of ins.heredocs) {
      // A RUN heredoc is a script; a COPY heredoc is a file, e.g. one in /etc/sudoers.d.
      if (ins.keyword === 'RUN') checkScript(doc.text, (o) => doc.position(o), out);
      checkSudoers(doc, out);
    }
  }
}

const rule: FileRule = {
  kind: 'file',
  meta: {
    id: 'dockerfile-sudo',
    title: 'sudo is used, installed or granted in the image',
    practice: 10,
    cwe: 'CWE-269',
    severity: 'high',
    confidence: 'high',
    description:
      'Running as a non-root USER only helps if that user cannot become root again. A RUN step that calls sudo shows the build user holds sudo rights, and the app that later runs as that user inherits them; a sudoers NOPASSWD rule grants root without a password; installing sudo at all puts the escalation tool in the image. Sudo in builder stages that do not ship is ignored.',
    fix: 'Put the steps that need root before the `USER` line (Docker runs them as root already), switch with `USER`, and do not install sudo or write sudoers rules in the final image.',
  },
  samples: {
    valid: [
      { filename: 'Dockerfile', code: 'FROM node:20-slim\nRUN apt-get update && apt-get purge -y sudo && rm -f /etc/sudoers.d/*\nRUN echo "sudo is not installed in this image" > /etc/motd\nUSER node\n' },
      {
        // sudo only in a builder stage that is copied from, never shipped.
        filename: 'Dockerfile',
        code: 'FROM node:20 AS build\nRUN apt-get update && apt-get install -y sudo\nRUN sudo -u node npm ci\n\nFROM node:20-slim\nCOPY --from=build /home/node/app /app\nUSER node\n',
      },
      { filename: 'Dockerfile.dev', code: 'FROM alpine:3.20\n# do not use sudo here: USER root is enough\nLABEL org.opencontainers.image.description="no sudo"\nRUN adduser -D app # sudo-free setup\nRUN ls /usr/bin/sudo || true\nUSER app\n' },
      { filename: 'Containerfile', code: 'FROM fedora:40\nRUN dnf install -y nodejs && dnf remove -y sudo && dnf clean all\nRUN ["grep", "-r", "sudo", "/etc/motd"]\nUSER 1001\n' },
      { filename: 'Dockerfile', code: 'FROM debian:12-slim\nRUN <<EOF\nset -e\napt-get update\napt-get install -y --no-install-recommends ca-certificates\necho "pseudo sudoku" > /tmp/words\nEOF\nUSER 10001\n' },
    ],
    invalid: [
      { filename: 'Dockerfile', code: 'FROM node:20-slim\nUSER node\nRUN sudo npm install -g pm2\n' },
      { filename: 'Dockerfile', code: 'FROM ubuntu:24.04\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends \\\n      curl \\\n      sudo=1.9.15p5-3ubuntu5 \\\n    && rm -rf /var/lib/apt/lists/*\nUSER ubuntu\n' },
      {
        filename: 'Dockerfile',
        count: 2,
        code: 'FROM node:20\nRUN apt-get update && apt-get install -y sudo \\\n && echo "node ALL=(ALL) NOPASSWD:ALL" >> /etc/sudoers.d/node\nUSER node\n',
      },
      { filename: 'Dockerfile', code: 'FROM debian:12 AS base\nRUN useradd -m app\nUSER app\n\nFROM base\nRUN <<EOF\nset -e\nmkdir -p /app\nsudo chown -R app /app\nEOF\n' },
      { filename: 'app.dockerfile', code: 'FROM alpine:3.20\nUSER app\nRUN ["sudo", "-u", "root", "apk", "add", "git"]\n' },
      { filename: 'Dockerfile', code: 'FROM alpine:3.20\nRUN sh -c "apk add --no-cache git && doas chown app /srv"\nUSER app\n' },
      { filename: 'Dockerfile', code: 'FROM alpine:3.20\nCOPY <<EOF /etc/sudoers.d/app\napp ALL=(ALL) NOPASSWD: ALL\nEOF\nUSER app\n' },
    ],
  },
  appliesTo: isDockerfilePath,
  check({ text }) {
    const dockerfile = readDockerfile(text);
    const out: FileFindingInput[] = [];
    for (const stage of shippedStages(dockerfile)) {
      for (const ins of stage.instructions) checkInstruction(ins, out);
    }
    return out;
  },
};

export default rule;

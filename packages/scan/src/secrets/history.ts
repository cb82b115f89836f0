import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { UserError, type FindingInput, type ScanWarning, type SkippedFile } from '@rampart/core';
import { analyzeFileRules, type ActiveRules } from '../engine/file-rules.js';
import { looksMinified } from '../files.js';
import { isSecretScanCandidate } from './paths.js';

/** `--history` was asked for a folder git cannot read, or git is missing. */
export class GitHistoryError extends UserError {
  override name = 'GitHistoryError';
}

export interface HistoryScanOptions {
  readonly rules: ActiveRules;
  /** Added text of one file in one commit larger than this is skipped (and listed). */
  readonly maxFileSize: number;
  /** Paths the config excludes. */
  readonly excluded?: (path: string) => boolean;
  /** Called as commits stream by, for a progress indicator. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface HistoryScanResult {
  readonly findings: FindingInput[];
  readonly skipped: SkippedFile[];
  readonly warnings: ScanWarning[];
  readonly suppressed: number;
  readonly commits: number;
  /** File versions (one file in one commit) whose added lines were checked. */
  readonly fileVersions: number;
}

function git(root: string, args: readonly string[]): { ok: boolean; stdout: string; stderr: string } {
  const r = spawnSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.error) {
    const missing = (r.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new GitHistoryError(missing ? '--history runs git, which is not installed or not on PATH' : `--history: could not run git: ${r.error.message}`);
  }
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr };
}

/** Git's C-style quoting of unusual paths ("a\303\244.txt"), undone. */
function unquoteGitPath(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 1; i < raw.length - 1; i++) {
    const c = raw[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = raw[++i];
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(raw.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(escapes[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** The added lines of one file in one commit. */
interface FileDiff {
  readonly path: string;
  readonly lines: string[];
  readonly numbers: number[];
  size: number;
  tooLarge: boolean;
}

/**
 * Scans every commit reachable from any ref (branches, tags, stash) for secrets in the lines
 * it added, including secrets a later commit removed: `git log -p` is spawned and its output
 * streamed, one file of one commit at a time, never buffered whole.
 */
export async function scanGitHistory(root: string, options: HistoryScanOptions): Promise<HistoryScanResult> {
  const inside = git(root, ['rev-parse', '--is-inside-work-tree']);
  if (!inside.ok) throw new GitHistoryError(`--history needs a git repository: ${root} is not inside one (${inside.stderr.trim().split('\n')[0]})`);
  const counted = git(root, ['rev-list', '--all', '--count']);
  const total = counted.ok ? Number(counted.stdout.trim()) || 0 : 0;

  const findings: FindingInput[] = [];
  const skipped: SkippedFile[] = [];
  const warnings: ScanWarning[] = [];
  let suppressed = 0;
  let commits = 0;
  let fileVersions = 0;
  let commit: { sha: string; date: string } | undefined;
  let file: FileDiff | undefined;

  const finishFile = (): void => {
    const f = file;
    file = undefined;
    if (!f || !commit || f.lines.length === 0) return;
    const where = `${f.path}@${commit.sha.slice(0, 12)}`;
    if (f.tooLarge) {
      skipped.push({ file: where, reason: 'too-large', detail: `lines added in this commit exceed ${options.maxFileSize} bytes (maxFileSize)` });
      return;
    }
    const text = f.lines.join('\n');
    if (looksMinified(f.path, text)) {
      skipped.push({ file: where, reason: 'minified', detail: 'long lines: minified or generated' });
      return;
    }
    fileVersions++;
    const result = analyzeFileRules(f.path, text, options.rules);
    suppressed += result.suppressed;
    const real = (line: number): number => f.numbers[Math.min(line, f.numbers.length) - 1] ?? line;
    for (const w of result.warnings) if (w.kind === 'rule-error') warnings.push({ ...w, file: where });
    for (const finding of result.findings) {
      findings.push({ ...finding, line: real(finding.line), endLine: real(finding.endLine), commit });
    }
  };

  const args = [
    '-c', 'core.quotePath=false',
    'log', '--all', '-p', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--find-renames', '--diff-filter=d',
    '--format=%x00%H%x00%cI',
  ];
  const child = spawn('git', ['-C', root, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 4096) stderr += d;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (err) => reject(new GitHistoryError(`--history: could not run git: ${err.message}`)));
    child.on('close', resolve);
  });

  // Lines still expected in the current hunk: with -U0 a hunk holds exactly its - and + lines,
  // so a line is never mistaken for a header, whatever it contains.
  let oldLeft = 0;
  let newLeft = 0;
  let nextNew = 0;
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  for await (const line of lines) {
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('+')) {
        newLeft--;
        const n = nextNew++;
        if (file && !file.tooLarge && isSecretScanCandidate(file.path)) {
          file.size += line.length;
          if (file.size > options.maxFileSize) file.tooLarge = true;
          else {
            file.lines.push(line.slice(1));
            file.numbers.push(n);
          }
        }
      } else if (line.startsWith('-')) oldLeft--;
      // "\ No newline at end of file" belongs to the line before it.
      continue;
    }
    if (line.startsWith('\u0000')) {
      finishFile();
      const [, sha, date] = line.split('\u0000');
      commit = { sha, date };
      commits++;
      options.onProgress?.(commits, Math.max(total, commits));
    } else if (line.startsWith('diff --git ')) {
      finishFile();
    } else if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      if (target !== '/dev/null') {
        // Git ends a path holding a space with a tab, and C-quotes unusual ones.
        const path = unquoteGitPath(target.replace(/\t$/, '')).replace(/^b\//, '');
        if (!options.excluded?.(path)) file = { path, lines: [], numbers: [], size: 0, tooLarge: false };
      }
    } else {
      const h = HUNK.exec(line);
      if (h) {
        oldLeft = h[1] === undefined ? 1 : Number(h[1]);
        nextNew = Number(h[2]);
        newLeft = h[3] === undefined ? 1 : Number(h[3]);
      }
    }
  }
  finishFile();
  const code = await exited;
  // A repository without commits has no history to scan; any other failure is reported.
  if (code !== 0 && !/does not have any commits|bad default revision|unknown revision/.test(stderr)) {
    throw new GitHistoryError(`--history: git log failed (exit ${code}): ${stderr.trim().split('\n')[0]}`);
  }
  return { findings, skipped, warnings, suppressed, commits, fileVersions };
}

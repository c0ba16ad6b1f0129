import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * The dashboard's initial JavaScript: the entry script of packages/dashboard/dist/index.html
 * and the modules it preloads (<link rel="modulepreload">), each gzipped (zlib, level 9).
 * Every other .js file in the build is loaded lazily (routes, charts) and is reported apart.
 */

export interface BundleSize {
  /** Gzipped bytes of the entry script and its modulepreloads. */
  initialGzip: number;
  initialFiles: Array<{ file: string; bytes: number; gzip: number }>;
  lazyGzip: number;
  lazyFiles: number;
  builtNow: boolean;
}

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** The attributes of each <script> and <link> tag of an HTML page. */
function tags(html: string): Array<{ tag: string; attrs: Record<string, string> }> {
  const found: Array<{ tag: string; attrs: Record<string, string> }> = [];
  for (const match of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs: Record<string, string> = {};
    for (const a of match[2].matchAll(
      /([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g,
    )) {
      attrs[a[1].toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    }
    found.push({ tag: match[1].toLowerCase(), attrs });
  }
  return found;
}

/** `pnpm --filter @holdspace/dashboard build`; its output is shown only when it fails. */
export function buildDashboard(repoRoot: string): { ok: boolean; output: string } {
  const result = spawnSync('pnpm', ['--filter', '@holdspace/dashboard', 'build'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`,
  };
}

export function measureDashboard(distDir: string, builtNow: boolean): BundleSize {
  const indexHtml = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexHtml)) {
    throw new Error(`${indexHtml} does not exist: build the dashboard first`);
  }
  const html = fs.readFileSync(indexHtml, 'utf8');
  const initial: string[] = [];
  for (const { tag, attrs } of tags(html)) {
    const isEntry = tag === 'script' && attrs.type === 'module' && attrs.src;
    const isPreload = tag === 'link' && attrs.rel === 'modulepreload' && attrs.href;
    if (!isEntry && !isPreload) continue;
    const ref = (isEntry ? attrs.src : attrs.href).split(/[?#]/)[0];
    if (/^[a-z]+:\/\//i.test(ref)) continue; // another origin: not ours
    const file = path.resolve(distDir, ref.replace(/^\/+/, ''));
    if (!initial.includes(file)) initial.push(file);
  }
  if (initial.length === 0) throw new Error(`no entry script in ${indexHtml}`);
  const initialFiles = initial.map((file) => ({
    file: path.relative(distDir, file),
    bytes: fs.statSync(file).size,
    gzip: gzipSize(file),
  }));

  const allJs: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.m?js$/.test(entry.name)) allJs.push(full);
    }
  };
  walk(distDir);
  const lazy = allJs.filter((f) => !initial.includes(f));
  return {
    initialGzip: initialFiles.reduce((n, f) => n + f.gzip, 0),
    initialFiles,
    lazyGzip: lazy.reduce((n, f) => n + gzipSize(f), 0),
    lazyFiles: lazy.length,
    builtNow,
  };
}

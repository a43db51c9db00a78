/** The browser half of the workbench, bundled with esbuild when the server starts (no CDN, no framework). */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export interface ClientAssets {
  html: string;
  script: string;
  styles: string;
}

const CLIENT_DIR = path.join(__dirname, '..', 'client');

export async function buildClient(): Promise<ClientAssets> {
  const result = await build({
    entryPoints: [path.join(CLIENT_DIR, 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    sourcemap: 'inline',
    write: false,
    logLevel: 'silent',
  });
  return {
    html: fs.readFileSync(path.join(CLIENT_DIR, 'index.html'), 'utf8'),
    script: result.outputFiles[0]!.text,
    styles: fs.readFileSync(path.join(CLIENT_DIR, 'styles.css'), 'utf8'),
  };
}

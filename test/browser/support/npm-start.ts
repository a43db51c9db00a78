/**
 * `npm start` as a person runs it (node --import tsx workbench/server/main.ts, after the build), in a
 * child process: wait for the URL it prints, stop it with Ctrl+C (SIGINT) as a person would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface StartedWorkbench {
  url: string;
  /** Everything printed so far. */
  output(): string;
  /** Ctrl+C; resolves with the exit code. */
  stop(): Promise<number | null>;
}

const ROOT = path.resolve(__dirname, '..', '..', '..');

export function npmStart(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 150_000,
): Promise<StartedWorkbench> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'workbench/server/main.ts', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start printed no URL within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /workbench: (http:\/\/localhost:\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stdout?.on('data', (more: Buffer) => (output += more.toString('utf8')));
      resolve({
        url: match[1]!,
        output: () => output,
        stop: async () => {
          child.kill('SIGINT');
          return exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${String(code)} before printing its URL:\n${output}`));
    });
  });
}

/**
 * `npm start` (after `npm run build`): the workbench on http://localhost:$PORT (default 8080, or a free
 * port when that one is taken), its world saved to .workbench/state.json after every action.
 * `npm start -- --reset` deletes the saved state and starts from a fresh demo workbook.
 *
 * For tests: $WB_STATE_FILE saves elsewhere, $WB_DEMO_DAYS shortens the demo history.
 */
import path from 'node:path';
import { startWorkbench } from './workbench';

const STATE_FILE = path.resolve(process.env.WB_STATE_FILE ?? path.join('.workbench', 'state.json'));

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--reset');
  if (unknown.length > 0) {
    console.error(`Unknown option(s): ${unknown.join(' ')}\nUsage: npm start [-- --reset]`);
    process.exit(2);
  }
  const port = process.env.PORT ? Number(process.env.PORT) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  const workbench = await startWorkbench({
    port,
    statePath: STATE_FILE,
    reset: args.includes('--reset'),
    seed: 'demo',
    demoDays: process.env.WB_DEMO_DAYS ? Number(process.env.WB_DEMO_DAYS) : undefined,
    log: (message) => console.log(message),
  });
  if (workbench.port !== port) console.log(`Port ${port} is taken; using ${workbench.port} instead.`);
  console.log(
    `\nWork Orders workbench: ${workbench.url}\n(saved to ${path.relative(process.cwd(), STATE_FILE)}; Ctrl+C to stop)`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nSaving and stopping…');
    workbench.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

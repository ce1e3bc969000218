import { FerryError } from '../../../../shared/errors';
import type { FerryEngine } from '../../../engine/ferry-engine';
import { bindAddress, startBrowserServer, type BrowserServer } from '../../browser/server';
import { MAX_FRAME_BYTES } from '../../browser/ws-api';
import { parseCommandArgs } from '../args';
import { EXIT, openEngine, rateLimitFrom, type Command } from '../context';

/** Used when neither --port nor $PORT says otherwise; a random free port when it is taken. */
export const DEFAULT_PORT = 7317;

const MAX_FRAME_MIB = MAX_FRAME_BYTES / (1024 * 1024);

/** Said (exit 2) when root runs ferry serve without --allow-root, as Jupyter refuses to. */
export const ROOT_REFUSAL = 'refusing to run as root: anyone with the address and its token could read and copy '
  + 'every file on this computer (/etc/shadow included). Run it as your own user, or pass --allow-root if that is what you mean.';

const help = `Usage: ferry serve [--port N] [--host 127.0.0.1|localhost|::1] [--db PATH] [--limit-rate RATE] [--allow-root]

Serves Ferry's interface and API to your browser, on this computer only (the loopback interface).
Prints one line with the address to open; it carries a secret token that every request must present.
Runs until interrupted (Ctrl+C); copies still running then are interrupted and can be resumed.

Security: whoever has the address with its token can read, list and copy every file that the user
running ferry serve can, as that user (as root: every file, /etc/shadow included). Keep the address
to yourself. ferry serve refuses to run as root unless --allow-root is given.
A message from the browser larger than ${MAX_FRAME_MIB} MiB (a copy of 100,000 items with long paths
fits) closes that connection (WebSocket close code 1009); text that is not UTF-8 closes it with 1007.

Options:
  --port N      the port (0 = any free port). Default: $PORT, else ${DEFAULT_PORT} or any free port if it is taken.
  --host HOST   127.0.0.1 (default), localhost or ::1. Other interfaces are refused.
  --db PATH     the library database (default: $FERRY_DB, else ~/.local/share/ferry/library.db).
  --limit-rate RATE
                a speed limit for the copies started from this UI, e.g. 20M (bytes a second;
                default: $FERRY_LIMIT_RATE, else none).
  --allow-root  serve even when run as root, knowing that the token then opens every file.
`;

function parsePort(value: string, what: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new FerryError('INVALID_INPUT', `${what} must be a port number (0-65535), not '${value}'`);
  return port;
}

export const command: Command = {
  help,
  async run(args, ctx) {
    const { values } = parseCommandArgs(args, {
      command: 'serve',
      options: {
        port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' }, 'limit-rate': { type: 'string' },
        'allow-root': { type: 'boolean' },
      },
    });
    if (process.getuid?.() === 0 && !values['allow-root']) {
      ctx.stderr.write(`ferry serve: ${ROOT_REFUSAL}\n`);
      return EXIT.USAGE;
    }
    const host = values.host ?? '127.0.0.1';
    bindAddress(host); // refuses non-loopback hosts before anything is opened
    const explicitPort = values.port !== undefined ? parsePort(values.port, '--port')
      : ctx.env.PORT ? parsePort(ctx.env.PORT, '$PORT') : undefined;

    const defaultRateLimit = rateLimitFrom(values['limit-rate'], ctx);
    // The browser shows folders: the engine starts its listing thread now.
    const engine = openEngine(ctx, values.db, { defaultRateLimit, browsing: true });
    let server: BrowserServer;
    try {
      server = await listen(engine, host, explicitPort);
    } catch (err) {
      engine.close();
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'EADDRINUSE') throw new FerryError('INVALID_INPUT', `port ${explicitPort} is already in use; try --port 0 for any free port`);
      throw err;
    }
    ctx.stdout.write(`Ferry is serving on ${server.url}\n`);
    await untilSignal();
    ctx.stderr.write('ferry serve: shutting down…\n');
    await server.close();
    await engine.shutdown();
    return EXIT.OK;
  },
};

async function listen(engine: FerryEngine, host: string, port: number | undefined): Promise<BrowserServer> {
  if (port !== undefined) return startBrowserServer({ handlers: engine, host, port });
  try {
    return await startBrowserServer({ handlers: engine, host, port: DEFAULT_PORT });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    return startBrowserServer({ handlers: engine, host, port: 0 });
  }
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

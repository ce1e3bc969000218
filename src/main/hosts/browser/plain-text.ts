import type * as http from 'node:http';
import { securityHeaders } from '../web-security';

/** A short plain-text answer (errors, refusals): never cached, with the headers every response of ours carries. */
export function sendPlainText(res: http.ServerResponse, status: number, message: string): void {
  const body = `${message}\n`;
  res.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

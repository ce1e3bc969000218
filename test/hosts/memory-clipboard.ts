import type { ClipboardLike } from '../../src/main/hosts/electron/system-clipboard';

/**
 * A clipboard that behaves as Electron 41's does for these calls (Electron cannot run here): each write
 * replaces everything on it; reading a format it does not hold gives an empty buffer. `held` shows what
 * another app would find.
 */
export class MemoryClipboard implements ClipboardLike {
  held = new Map<string, Buffer>();
  /** Every write, in order: what the code under test asked of Electron's clipboard. */
  readonly writes: { call: 'writeBuffer' | 'writeText'; format: string; data: Buffer }[] = [];
  writeBuffer(format: string, data: Buffer): void {
    this.writes.push({ call: 'writeBuffer', format, data: Buffer.from(data) });
    this.held = new Map([[format, Buffer.from(data)]]);
  }
  readBuffer(format: string): Buffer {
    return this.held.get(format) ?? Buffer.alloc(0);
  }
  writeText(text: string): void {
    this.writes.push({ call: 'writeText', format: 'text/plain', data: Buffer.from(text, 'utf8') });
    this.held = new Map([['text/plain', Buffer.from(text, 'utf8')]]);
  }
  /** What another app left: several formats at once, as Finder or Explorer write them. */
  static holding(entries: Record<string, Buffer>): MemoryClipboard {
    const board = new MemoryClipboard();
    board.held = new Map(Object.entries(entries));
    return board;
  }
}

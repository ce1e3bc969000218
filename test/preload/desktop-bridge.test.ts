import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDesktopBridge } from '../../src/preload/desktop-bridge';
import { handleDesktopRequest } from '../../src/main/hosts/electron/desktop-requests';
import { createSystemClipboard } from '../../src/main/hosts/electron/system-clipboard';
import { IPC_DESKTOP } from '../../src/shared/desktop';
import { MemoryClipboard } from '../hosts/memory-clipboard';

/** An ipcRenderer whose invoke reaches main's real request handler, results cloned as IPC does (JSON). */
function bridgeOverMain(board: MemoryClipboard) {
  const channels: string[] = [];
  const ipc = {
    invoke: async (channel: string, request: unknown) => {
      channels.push(channel);
      const result = await handleDesktopRequest(JSON.parse(JSON.stringify(request)), { clipboard: createSystemClipboard(board, 'linux'), startDrag: () => undefined });
      return JSON.parse(JSON.stringify(result)) as unknown;
    },
  };
  const files = new Map<object, string>();
  const webUtils = {
    getPathForFile: (file: never) => {
      const known = files.get(file);
      if (known === undefined) throw new Error('not a file from the system');
      return known;
    },
  };
  return { bridge: createDesktopBridge(ipc, webUtils), channels, files };
}

test('window.ferryDesktop writes and reads the system clipboard\'s files through the desktop channel', async () => {
  const board = new MemoryClipboard();
  const { bridge, channels } = bridgeOverMain(board);
  await bridge.writeClipboardFiles(['/home/me/x y.txt'], false);
  assert.equal(board.held.get('x-special/gnome-copied-files')!.toString(), 'copy\nfile:///home/me/x%20y.txt');
  assert.deepEqual(await bridge.readClipboardFiles(), { paths: ['/home/me/x y.txt'], cut: false });
  await bridge.startDrag(['/home/me/x y.txt']);
  assert.deepEqual(channels, [IPC_DESKTOP, IPC_DESKTOP, IPC_DESKTOP]);
});

test('a refused request rejects with main\'s message; a dropped thing without a path gives ""', async () => {
  const { bridge, files } = bridgeOverMain(new MemoryClipboard());
  await assert.rejects(bridge.writeClipboardFiles([], true), /Invalid desktop request \(paths\)/);
  const file = {};
  files.set(file, '/home/me/dropped.txt');
  assert.equal(bridge.pathForFile(file), '/home/me/dropped.txt');
  assert.equal(bridge.pathForFile({}), '');
});

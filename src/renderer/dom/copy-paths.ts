import { plural } from '../lib/format';
import { see, store } from '../state';

/**
 * Copy Path: the selected paths as text on the system clipboard, one a line (what a terminal or an editor
 * pastes). The async Clipboard API needs a secure context (ferry://, or the browser host on loopback) and a
 * focused page; where it refuses, a hidden text area and execCommand('copy') do it.
 */
export async function copyPaths(): Promise<void> {
  const paths = see.pathsToCopy();
  if (paths.length === 0) return;
  const text = paths.join('\n');
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    if (!copyWithTextArea(text)) {
      store.getState().showNotice('Could not copy to the clipboard', 'error');
      return;
    }
  }
  store.getState().showNotice(paths.length === 1 ? 'Copied the path' : `Copied ${plural(paths.length, 'path')}`);
}

function copyWithTextArea(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } finally {
    area.remove();
  }
}

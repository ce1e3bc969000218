import type { FerryApi } from '../../shared/api';
import { fileUrl } from '../../shared/file-url';
import type { FileOpener } from '../stores/file-op-actions';

/**
 * Open, as each host can: the desktop app asks its main process (the system's default application);
 * the browser host opens the file in a new tab through GET /file, which the server answers inline for what
 * a browser shows and as a download for the rest. The page's token goes along when its address has one
 * (the development server's proxy needs it; the cookie suffices otherwise).
 */
export function hostFileOpener(api: FerryApi, browserHost: boolean): FileOpener {
  return async (entry) => {
    if (!browserHost) {
      await api.openItem({ path: entry.path });
      return;
    }
    const token = new URLSearchParams(window.location.search).get('token');
    window.open(fileUrl(entry.path, { token }), '_blank', 'noopener');
  };
}

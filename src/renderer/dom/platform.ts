import type { Platform } from '../lib/drop-operation';

/** Which platform's conventions this window follows (modifier keys, menu items): macOS's, or the others'. */
export const platform: Platform = /Mac|iPhone|iPad/.test(navigator.platform) ? 'mac' : 'other';

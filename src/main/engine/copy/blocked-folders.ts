import type { CopyItem } from './types';

export type FolderFate = 'pending' | 'ready' | 'skip' | 'fail';

/**
 * Prompt mode, a folder meeting a file: the folder's fate once known, and the items below it that
 * wait for it (an item arriving before its folder's answer cannot be copied, nor failed, yet).
 * Both maps exist only for such conflicts, which are rare.
 */
export class BlockedFolders {
  private readonly fates = new Map<string, FolderFate>();
  private readonly waiting = new Map<string, CopyItem[]>();
  private waitingCount = 0;

  get size(): number {
    return this.waitingCount;
  }

  has(folder: string): boolean {
    return this.fates.has(folder);
  }

  fate(folder: string): FolderFate | undefined {
    return this.fates.get(folder);
  }

  markPending(folder: string): void {
    this.fates.set(folder, 'pending');
  }

  /** Keeps `item` until the fate of `folder` is decided. */
  park(folder: string, item: CopyItem): void {
    const list = this.waiting.get(folder) ?? [];
    list.push(item);
    this.waiting.set(folder, list);
    this.waitingCount++;
  }

  /** Records the fate and hands back the items that waited for it. */
  decide(folder: string, fate: Exclude<FolderFate, 'pending'>): CopyItem[] {
    this.fates.set(folder, fate);
    const items = this.waiting.get(folder) ?? [];
    this.waiting.delete(folder);
    this.waitingCount -= items.length;
    return items;
  }

  /** Folders that still hold waiting items. */
  folders(): string[] {
    return [...this.waiting.keys()];
  }
}

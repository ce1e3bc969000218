import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api } from '../api';
import { completeName, resolveTyped, splitForCompletion } from '../lib/path-input';
import { separatorOf } from '../lib/paths';
import { actions, store, useFerry } from '../state';

/** Subfolders read for a completion: folders come first in a listing, so the first page holds them. */
const COMPLETION_LIMIT = 5_000;

/**
 * The editable path: `~`, `~/x` and paths relative to the folder shown are understood, Tab completes a
 * folder name, Enter goes there. A path that cannot be shown is said under the bar (the listing stays).
 */
export function PathBar() {
  const path = useFerry((s) => s.path);
  const navError = useFerry((s) => s.navError);
  const [draft, setDraft] = useState(path ?? '');
  // Typed and not yet submitted while the field has focus: a listing that lands meanwhile (a big folder
  // still loading) must not wipe what is being typed. Anywhere else, the field follows the folder shown.
  const typing = useRef(false);
  const completing = useRef(0);
  useEffect(() => {
    if (!typing.current) setDraft(path ?? '');
  }, [path]);

  function where() {
    const s = store.getState();
    return { current: s.path, home: s.home };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const target = resolveTyped(draft, where());
    if (!target) {
      store.getState().setNavError(draft.trim() ? `“${draft.trim()}” is not a folder path` : null);
      return;
    }
    if (await actions.navigate(target)) {
      typing.current = false;
      setDraft(store.getState().path ?? target);
    }
  }

  async function complete() {
    const ticket = ++completing.current;
    const completed = await completeFolderPath(draft, where());
    if (completed === null || ticket !== completing.current) return;
    typing.current = true;
    setDraft(completed);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      void complete();
    } else if (e.key === 'Escape') {
      typing.current = false;
      setDraft(path ?? '');
      store.getState().setNavError(null);
      e.currentTarget.blur();
    }
  }

  return (
    <>
      <form className="path-bar" onSubmit={(e) => void submit(e)} role="search">
        <input aria-label="Path" value={draft} spellCheck={false} autoComplete="off"
          aria-invalid={navError ? true : undefined} aria-describedby={navError ? 'path-error' : undefined}
          onChange={(e) => { typing.current = true; completing.current++; setDraft(e.target.value); }}
          onBlur={() => { typing.current = false; }}
          onKeyDown={onKeyDown} />
      </form>
      {navError && <p id="path-error" role="alert" className="path-error">{navError}</p>}
    </>
  );
}

/**
 * `typed` with its last part completed among the subfolders of the folder it names, as a shell's Tab does
 * (`~`, `~/x` and relative paths understood); null when there is nothing to add.
 */
export async function completeFolderPath(typed: string, where: { current: string | null; home: string | null }): Promise<string | null> {
  const split = splitForCompletion(typed, where);
  if (!split) return null;
  let names: string[];
  try {
    const listing = await api.listFolder({ path: split.folder, limit: COMPLETION_LIMIT });
    names = listing.entries.filter((e) => e.kind === 'dir' || e.linkKind === 'dir').map((e) => e.name);
  } catch {
    return null; // nothing to complete from: Enter says why
  }
  const found = completeName(split.prefix, names);
  if (!found) return null;
  const head = typed.slice(0, typed.length - split.prefix.length);
  return head + found.completion + (found.unique ? separatorOf(split.folder) : '');
}

/** Ctrl+L (Cmd+Shift+G on macOS): the path bar, its text selected to type over. */
export function focusPathBar(): void {
  const input = document.querySelector<HTMLInputElement>('.path-bar input');
  input?.focus();
  input?.select();
}

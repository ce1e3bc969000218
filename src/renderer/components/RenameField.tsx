import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { displayName } from '../../shared/display-name';
import { stemLength } from '../../shared/item-names';
import { fileOps, store, useFerry } from '../state';

/**
 * The inline rename field that replaces a row's name: a textbox named "Name" with the stem selected (not
 * the extension, as Finder and GNOME Files do). Enter renames, Esc cancels, leaving the field renames too
 * (unless nothing changed). A refusal stays next to the field, which keeps the name typed so far.
 */
export function RenameField({ name }: { name: string }) {
  const error = useFerry((s) => s.renaming?.error ?? null);
  const input = useRef<HTMLInputElement>(null);
  // A field made again for the same rename (its item renamed outside Ferry moved it to another row) keeps
  // what was typed, the caret after it.
  const [draft] = useState(() => store.getState().renaming?.draft);
  const [value, setValue] = useState(() => draft ?? displayName(name));
  const busy = useRef(false);

  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    if (draft === undefined) el.setSelectionRange(0, stemLength(el.value));
    else el.setSelectionRange(el.value.length, el.value.length);
  }, [draft]);

  async function commit() {
    if (busy.current) return;
    busy.current = true;
    try {
      await fileOps.commitRename(value);
    } finally {
      busy.current = false;
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    // The list's own keys (Enter opens, arrows move) and the window's shortcuts stay out of the field.
    e.stopPropagation();
    if (e.key === 'Enter') { e.preventDefault(); void commit(); }
    else if (e.key === 'Escape') { e.preventDefault(); fileOps.cancelRename(); }
  }

  return (
    <span className="rename">
      <input ref={input} type="text" aria-label="Name" className="rename-field" value={value} spellCheck={false}
        aria-invalid={error ? true : undefined} aria-describedby={error ? 'rename-error' : undefined}
        onChange={(e) => { setValue(e.target.value); store.getState().renameDraft(e.target.value); }} onKeyDown={onKeyDown}
        onClick={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()}
        onBlur={() => { if (value === displayName(name)) fileOps.cancelRename(); else void commit(); }} />
      {error && <span id="rename-error" role="alert" className="rename-error">{error}</span>}
    </span>
  );
}

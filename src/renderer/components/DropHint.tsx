import { useFerry } from '../state';

/**
 * What a drop would do, said before the drop ("Move to “Backup”", "Copy to “Backup”"): shown beside the
 * highlighted folder's list and announced. Always in the page, so that screen readers hear each change.
 */
export function DropHint() {
  const hint = useFerry((s) => s.dropHint);
  return (
    <p role="status" aria-live="polite" aria-label="Drop action" className={hint ? `drop-hint drop-${hint.operation}` : 'drop-hint'}>
      {hint?.text ?? ''}
    </p>
  );
}

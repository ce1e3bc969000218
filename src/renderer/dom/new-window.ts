/** "New Window": Electron turns the page's window.open into one of its own; in a browser a second tab/window of the same page. */
export function openNewWindow(): void {
  window.open(window.location.href, '_blank');
}

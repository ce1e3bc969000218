/**
 * The browser host's URL of one of the user's files (GET /file, relative to the page). A browser shows it in
 * a tab or an <img>/<video>; `download` asks for an attachment. The token cookie goes with it; `token` (the
 * page's own, when its address carries one) also lets it through the development server's proxy.
 */
export function fileUrl(absolutePath: string, options: { download?: boolean; token?: string | null } = {}): string {
  const query = new URLSearchParams({ path: absolutePath });
  if (options.download) query.set('download', '1');
  if (options.token) query.set('token', options.token);
  return `/file?${query.toString()}`;
}

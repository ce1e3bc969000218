import * as path from 'node:path';

/**
 * What the file route (GET /file) tells a browser about a user's file: its Content-Type by extension and
 * whether a browser shows it (inline) or should download it. Pure data, tested as a table.
 */

/** How a browser treats a type: shows it, shows it but must not run it (a document that can script), or downloads it. */
export type Presentation = 'inline' | 'inline-sandboxed' | 'download';

interface FileType { type: string; presentation: Presentation }

const TEXT = 'text/plain; charset=utf-8';

/** Plain-text extensions: source code and notes read best as text in a tab, never executed or downloaded. */
const TEXT_EXTENSIONS = [
  '.txt', '.text', '.md', '.markdown', '.log', '.csv', '.tsv', '.ini', '.cfg', '.conf', '.toml', '.yaml', '.yml',
  '.js', '.mjs', '.cjs', '.ts', '.tsx', '.jsx', '.css', '.scss', '.py', '.rb', '.rs', '.go', '.c', '.h', '.cc',
  '.cpp', '.hpp', '.java', '.kt', '.swift', '.sh', '.bash', '.zsh', '.fish', '.sql', '.diff', '.patch', '.srt',
  '.vtt', '.tex', '.rst', '.org', '.env', '.gitignore', '.lock',
];

const TYPES: Record<string, FileType> = {
  ...Object.fromEntries(TEXT_EXTENSIONS.map((e) => [e, { type: TEXT, presentation: 'inline' as const }])),
  '.json': { type: 'application/json; charset=utf-8', presentation: 'inline' },
  // Pages and SVG can carry scripts: shown, but under a CSP sandbox (an opaque origin, no scripts), so a
  // file on disk can never act as Ferry's own origin and reach the API.
  '.html': { type: 'text/html; charset=utf-8', presentation: 'inline-sandboxed' },
  '.htm': { type: 'text/html; charset=utf-8', presentation: 'inline-sandboxed' },
  '.xhtml': { type: 'application/xhtml+xml', presentation: 'inline-sandboxed' },
  '.svg': { type: 'image/svg+xml', presentation: 'inline-sandboxed' },
  '.xml': { type: 'text/xml; charset=utf-8', presentation: 'inline-sandboxed' },
  '.png': { type: 'image/png', presentation: 'inline' },
  '.apng': { type: 'image/apng', presentation: 'inline' },
  '.jpg': { type: 'image/jpeg', presentation: 'inline' },
  '.jpeg': { type: 'image/jpeg', presentation: 'inline' },
  '.gif': { type: 'image/gif', presentation: 'inline' },
  '.webp': { type: 'image/webp', presentation: 'inline' },
  '.avif': { type: 'image/avif', presentation: 'inline' },
  '.bmp': { type: 'image/bmp', presentation: 'inline' },
  '.ico': { type: 'image/x-icon', presentation: 'inline' },
  '.pdf': { type: 'application/pdf', presentation: 'inline' },
  '.mp3': { type: 'audio/mpeg', presentation: 'inline' },
  '.m4a': { type: 'audio/mp4', presentation: 'inline' },
  '.aac': { type: 'audio/aac', presentation: 'inline' },
  '.ogg': { type: 'audio/ogg', presentation: 'inline' },
  '.oga': { type: 'audio/ogg', presentation: 'inline' },
  '.opus': { type: 'audio/ogg', presentation: 'inline' },
  '.wav': { type: 'audio/wav', presentation: 'inline' },
  '.flac': { type: 'audio/flac', presentation: 'inline' },
  '.mp4': { type: 'video/mp4', presentation: 'inline' },
  '.m4v': { type: 'video/mp4', presentation: 'inline' },
  '.webm': { type: 'video/webm', presentation: 'inline' },
  '.ogv': { type: 'video/ogg', presentation: 'inline' },
  '.mov': { type: 'video/quicktime', presentation: 'inline' },
  '.zip': { type: 'application/zip', presentation: 'download' },
  '.gz': { type: 'application/gzip', presentation: 'download' },
  '.tar': { type: 'application/x-tar', presentation: 'download' },
};

const UNKNOWN: FileType = { type: 'application/octet-stream', presentation: 'download' };

/** The type of a file named `name` (a base name or a path); unknown extensions download as octet-stream. */
export function fileType(name: string): FileType {
  return TYPES[path.extname(name).toLowerCase()] ?? UNKNOWN;
}


import type { EntryKind } from './types';

/**
 * What a person would call a file (the icon it gets, the "Kind" Get Info shows): decided from its name and,
 * when known, its mode — never from its bytes, so a listing of 20,000 names costs no file reads. Folders and
 * symlinks are kinds of their own; every other file falls into one of the groups below by its extension,
 * then by its execute bits, else 'file' (GNOME Files and Finder decide by name first too; only a preview
 * reads content).
 */
export const FILE_KINDS = [
  'folder', 'link', 'image', 'audio', 'video', 'archive', 'document', 'code', 'text', 'executable', 'file',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Extension (lower case, no dot) → kind. One table, read by the icons, Get Info and Quick Look. */
const BY_EXTENSION: Readonly<Record<string, FileKind>> = group({
  image: 'png jpg jpeg jpe gif webp avif bmp ico svg tif tiff heic heif jxl psd xcf raw cr2 nef arw dng',
  audio: 'mp3 wav flac ogg oga opus m4a aac wma aiff aif mid midi',
  video: 'mp4 m4v mkv webm mov avi wmv flv mpg mpeg ogv 3gp ts',
  archive: 'zip tar gz tgz bz2 tbz2 xz txz zst 7z rar iso dmg deb rpm jar apk cab lz lzma',
  document: 'pdf doc docx odt rtf xls xlsx ods csv ppt pptx odp epub pages numbers key',
  code: 'js mjs cjs jsx ts mts cts tsx py rb go rs c h cc cpp cxx hpp java kt kts swift cs php pl lua sh bash zsh fish '
    + 'ps1 sql html htm css scss less vue svelte json jsonc yaml yml toml xml ini cfg conf gradle cmake mk dart scala '
    + 'clj ex exs erl hs ml zig nim r jl',
  text: 'txt md markdown rst log text nfo tex org adoc',
  executable: 'exe msi appimage run bin com bat cmd',
});

/** Names without a telling extension that are still code or text. */
const BY_NAME: Readonly<Record<string, FileKind>> = {
  makefile: 'code', dockerfile: 'code', rakefile: 'code', gemfile: 'code', 'cmakelists.txt': 'code',
  readme: 'text', license: 'text', copying: 'text', authors: 'text', changelog: 'text', todo: 'text',
};

function group(spec: Partial<Record<FileKind, string>>): Record<string, FileKind> {
  const table: Record<string, FileKind> = {};
  for (const [kind, list] of Object.entries(spec) as [FileKind, string][]) {
    for (const ext of list.split(' ')) table[ext] = kind;
  }
  return table;
}

/** The extension as the table keys it: lower case, after the last dot, none for dotfiles like `.bashrc`. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export interface KindInput {
  name: string;
  /** What the entry is on disk (lstat). */
  entryKind: EntryKind;
  /** st_mode when known (Get Info has it). */
  mode?: number;
  /** A regular file with an execute bit, as a listing says it (it sends no mode). */
  executable?: boolean;
}

export function fileKind({ name, entryKind, mode, executable }: KindInput): FileKind {
  if (entryKind === 'dir') return 'folder';
  if (entryKind === 'symlink') return 'link';
  const byName = BY_NAME[name.toLowerCase()];
  if (byName) return byName;
  const byExtension = BY_EXTENSION[extensionOf(name)];
  if (byExtension) return byExtension;
  // Any execute bit on a regular file without a telling extension: a program or a script.
  if (entryKind === 'file' && (executable === true || (mode !== undefined && (mode & 0o111) !== 0))) return 'executable';
  return 'file';
}

/** The words Get Info and Quick Look show for a kind. */
export const KIND_NAMES: Readonly<Record<FileKind, string>> = {
  folder: 'Folder', link: 'Symbolic link', image: 'Image', audio: 'Audio', video: 'Video', archive: 'Archive',
  document: 'Document', code: 'Source code', text: 'Text', executable: 'Program', file: 'File',
};

/** Image types the thumbnailer decodes (sharp's input formats that photos and screenshots come in). */
const THUMBNAIL_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'jpe', 'gif', 'webp', 'avif', 'tif', 'tiff', 'svg', 'heic', 'heif']);

export function canThumbnail(name: string): boolean {
  return THUMBNAIL_EXTENSIONS.has(extensionOf(name));
}

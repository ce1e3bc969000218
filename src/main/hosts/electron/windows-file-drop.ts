import type { ClipboardFiles } from './clipboard-formats';

/**
 * Windows' list of files on the clipboard (CF_HDROP, with "Preferred DropEffect" for a cut) through
 * PowerShell and .NET's System.Windows.Forms.Clipboard, which every Windows 10 and 11 has: Electron's
 * clipboard cannot write a predefined format such as CF_HDROP, nor two formats at once, and a native
 * module would need a download at install. The paths go in on stdin as base64 of UTF-8 JSON (plain ASCII,
 * whatever the console's code page) and come back the same way; the script goes as -EncodedCommand
 * (UTF-16LE base64: no quoting). Nothing here runs PowerShell: RunProgram does, in the Electron shell.
 */
export interface ProgramCall {
  file: string;
  args: string[];
  /** What the program reads on stdin. */
  input: string;
}

/** Runs a program, `input` on its stdin; resolves with its stdout, rejects on a non-zero exit or a timeout. */
export type RunProgram = (call: ProgramCall) => Promise<string>;

const READ_INPUT = '$in = [Console]::In.ReadToEnd(); $json = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($in.Trim()))';

const WRITE_SCRIPT = [
  'Add-Type -AssemblyName System.Windows.Forms',
  READ_INPUT,
  '$files = ConvertFrom-Json $json',
  '$list = New-Object System.Collections.Specialized.StringCollection',
  'foreach ($p in $files.paths) { [void]$list.Add([string]$p) }',
  '$data = New-Object System.Windows.Forms.DataObject',
  '$data.SetFileDropList($list)',
  // DROPEFFECT_MOVE (2) for a cut, Explorer's COPY | LINK (5) for a copy: what Explorer itself writes.
  '$effect = if ($files.cut) { 2 } else { 5 }',
  "$data.SetData('Preferred DropEffect', [System.IO.MemoryStream]::new([byte[]]@($effect, 0, 0, 0)))",
  '[System.Windows.Forms.Clipboard]::SetDataObject($data, $true)',
].join('\n');

const READ_SCRIPT = [
  'Add-Type -AssemblyName System.Windows.Forms',
  '$paths = @([System.Windows.Forms.Clipboard]::GetFileDropList())',
  '$cut = $false',
  "$stream = [System.Windows.Forms.Clipboard]::GetData('Preferred DropEffect')",
  'if ($stream -is [System.IO.MemoryStream] -and $stream.Length -ge 4) { $b = $stream.ToArray(); $cut = (($b[0] -band 2) -ne 0) -and (($b[0] -band 1) -eq 0) }',
  '$json = ConvertTo-Json -Compress @{ paths = [string[]]$paths; cut = $cut }',
  '[Console]::Out.Write([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($json)))',
].join('\n');

function powershell(script: string, input: string): ProgramCall {
  return {
    file: 'powershell.exe',
    // -STA: the clipboard is an OLE object, usable only from a single-threaded apartment.
    args: ['-NoProfile', '-NonInteractive', '-STA', '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')],
    input,
  };
}

/** The call that puts these files on Windows' clipboard as Explorer's Copy or Cut does. */
export function writeFileDropCall(files: ClipboardFiles): ProgramCall {
  return powershell(WRITE_SCRIPT, Buffer.from(JSON.stringify({ paths: files.paths, cut: files.cut }), 'utf8').toString('base64'));
}

/** The call that reads the files on Windows' clipboard; its output is read by parseFileDropOutput. */
export function readFileDropCall(): ProgramCall {
  return powershell(READ_SCRIPT, '');
}

/** The read call's output: base64 of `{"paths":[…],"cut":bool}`; null when there are no files (or it is garbled). */
export function parseFileDropOutput(stdout: string): ClipboardFiles | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(stdout.trim(), 'base64').toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const { paths, cut } = value as { paths?: unknown; cut?: unknown };
    // ConvertTo-Json writes an empty list as null, and (PowerShell 5.1) a one-item list as that item.
    const list = Array.isArray(paths) ? paths : typeof paths === 'string' ? [paths] : [];
    const files = list.filter((p): p is string => typeof p === 'string' && p.length > 0);
    return files.length > 0 ? { paths: files, cut: cut === true } : null;
  } catch {
    return null;
  }
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFileDropOutput, readFileDropCall, writeFileDropCall } from '../../src/main/hosts/electron/windows-file-drop';

/**
 * The PowerShell calls that put a list of files on Windows' clipboard and read it back (PowerShell cannot run
 * here: what is checked is what it is given, and how its answers are read).
 */
const script = (args: string[]) => Buffer.from(args[args.indexOf('-EncodedCommand') + 1]!, 'base64').toString('utf16le');

test('the write call: the script as -EncodedCommand (UTF-16LE), in a single-threaded apartment, the paths on stdin', () => {
  const paths = ['C:\\Users\\me\\Résumé 東京.pdf', 'C:\\a "quoted" $name;`x`.txt', '\\\\server\\share\\b'];
  const call = writeFileDropCall({ paths, cut: true });
  assert.equal(call.file, 'powershell.exe');
  assert.deepEqual(call.args.slice(0, 3), ['-NoProfile', '-NonInteractive', '-STA']);
  assert.match(call.input, /^[A-Za-z0-9+/=]+$/, 'stdin is plain ASCII, whatever the console\'s code page');
  assert.deepEqual(JSON.parse(Buffer.from(call.input, 'base64').toString('utf8')), { paths, cut: true });
  const text = script(call.args);
  for (const line of ['$data.SetFileDropList($list)', "$data.SetData('Preferred DropEffect'", '[System.Windows.Forms.Clipboard]::SetDataObject($data, $true)']) {
    assert.ok(text.includes(line), line);
  }
  assert.ok(!paths.some((p) => text.includes(p)) && !call.args.some((a) => paths.some((p) => a.includes(p))), 'no path in the command line');
  assert.match(text, /if \(\$files\.cut\) \{ 2 \} else \{ 5 \}/, 'DROPEFFECT_MOVE for a cut, COPY | LINK as Explorer for a copy');
});

test('the read call asks for the file drop list and the drop effect, and answers in base64', () => {
  const call = readFileDropCall();
  const text = script(call.args);
  assert.ok(text.includes('GetFileDropList()') && text.includes("GetData('Preferred DropEffect')") && text.includes('ToBase64String'));
  assert.equal(call.input, '');
});

test('what PowerShell answers is read, in each shape ConvertTo-Json gives it; anything else is no files', () => {
  const b64 = (json: string) => Buffer.from(json, 'utf8').toString('base64');
  assert.deepEqual(parseFileDropOutput(b64('{"paths":["C:\\\\a.txt","D:\\\\東京"],"cut":true}')), { paths: ['C:\\a.txt', 'D:\\東京'], cut: true });
  assert.deepEqual(parseFileDropOutput(`${b64('{"cut":false,"paths":"C:\\\\one.txt"}')}\r\n`), { paths: ['C:\\one.txt'], cut: false }, 'one item unwrapped');
  for (const none of [b64('{"paths":null,"cut":false}'), b64('{"paths":[],"cut":false}'), '', 'not base64 at all!', b64('[1,2]'), b64('null')]) {
    assert.equal(parseFileDropOutput(none), null, none);
  }
});

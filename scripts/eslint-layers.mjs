import { builtinModules } from 'node:module';
import * as path from 'node:path';

/**
 * A local ESLint plugin with one rule, `layers/imports`: which part of Ferry may import which (docs/development.md,
 * "The layer rule"). Relative imports are resolved to project paths, so `../../hosts/cli/x` is caught wherever it is written.
 * Every way of naming a module counts: `import`, `export … from`, `import()`, `require()` and `typeof import()`
 * types (a type import still ties one layer to another's code).
 *
 * Options: { root, layers: [{ files, forbid: [{ paths?, packages?, builtins?, message }] }], allow: [{ file, to, why }] }
 *  - files, paths and to are project-relative folders or files (no extension needed; `folder/*`: its files only);
 *  - packages are bare module names (a subpath such as `electron/main` counts);
 *  - builtins: true forbids Node's built-in modules, with or without `node:`.
 */

const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

const noExtension = (p) => p.replace(/\.[cm]?[jt]sx?$/, '');

/**
 * Whether a project-relative path is the folder or file `prefix` (extension optional), or inside it.
 * `folder/*` means the files directly in that folder, not those of its subfolders.
 */
export function within(rel, prefix) {
  if (prefix.endsWith('/*')) return path.posix.dirname(rel) === prefix.slice(0, -2);
  const p = prefix.replace(/\/+$/, '');
  return rel === p || rel.startsWith(`${p}/`) || noExtension(rel) === noExtension(p);
}

/** What an import names: a project path (relative imports resolved against the importing file) or a package. */
export function classify(specifier, importer, root) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const abs = path.resolve(path.dirname(importer), specifier);
    return { kind: 'path', rel: path.relative(root, abs).split(path.sep).join('/') };
  }
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0])) return { kind: 'builtin' };
  return { kind: 'package', name: specifier };
}

/** The message of the first rule the import breaks, or null. Pure: the rule's decision, tested as a table. */
export function violation({ importerRel, target, layers, allow = [] }) {
  for (const layer of layers) {
    if (!layer.files.some((f) => within(importerRel, f))) continue;
    for (const rule of layer.forbid) {
      const hit =
        (target.kind === 'path' && (rule.paths ?? []).some((p) => within(target.rel, p))) ||
        (target.kind === 'package' && (rule.packages ?? []).some((p) => target.name === p || target.name.startsWith(`${p}/`))) ||
        (target.kind === 'builtin' && rule.builtins === true);
      if (!hit) continue;
      const excepted = target.kind === 'path' && allow.some((a) => within(importerRel, a.file) && within(target.rel, a.to));
      if (!excepted) return rule.message;
    }
  }
  return null;
}

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: "Keeps Ferry's layers importing one way (engine, hosts, renderer, shared)" },
    schema: [{ type: 'object', additionalProperties: true }],
    messages: { layer: '{{specifier}}: {{why}}' },
  },
  create(context) {
    const { root, layers, allow } = context.options[0] ?? {};
    if (!root || !layers) return {};
    const importer = context.filename;
    const importerRel = path.relative(root, importer).split(path.sep).join('/');
    if (importerRel.startsWith('..') || !layers.some((l) => l.files.some((f) => within(importerRel, f)))) return {};

    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const why = violation({ importerRel, target: classify(source.value, importer, root), layers, allow });
      if (why) context.report({ node, messageId: 'layer', data: { specifier: source.value, why } });
    };
    const literalArg = (node) => (node.type === 'Literal' ? node : node.type === 'TemplateLiteral' && node.expressions.length === 0
      ? { value: node.quasis[0].value.cooked } : null);
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, literalArg(node.source)),
      TSImportType: (node) => check(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
      TSImportEqualsDeclaration: (node) => check(node, node.moduleReference?.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]) check(node, literalArg(node.arguments[0]));
      },
    };
  },
};

export default { meta: { name: 'ferry-layers' }, rules: { imports: importsRule } };

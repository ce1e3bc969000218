import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_INDEX_RULES, indexRulesFrom } from '../../src/shared/index-rules';
import { IndexRules } from '../../src/shared/types';
import { FerryError } from '../../src/shared/errors';

test('rules: missing ones at their defaults, unknown keys dropped, a wrong type refused', () => {
  assert.deepEqual(indexRulesFrom({}), DEFAULT_INDEX_RULES);
  assert.deepEqual(indexRulesFrom({ skipHidden: false, extraIgnores: ['*.log'], somethingElse: 1 }),
    { ...DEFAULT_INDEX_RULES, skipHidden: false, extraIgnores: ['*.log'] });
  for (const bad of [{ skipGit: 'no' }, { extraIgnores: '*.log' }, { extraIgnores: [1] }, null, []]) {
    assert.throws(() => indexRulesFrom(bad), (e: unknown) => e instanceof FerryError && e.code === 'INVALID_INPUT');
  }
});

test('the plain reader and the API schema agree on every input', () => {
  const value = fc.oneof(fc.boolean(), fc.string(), fc.integer(), fc.constant(undefined), fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }));
  const keys = ['skipGit', 'skipNodeModules', 'skipHidden', 'skipSystemFiles', 'respectGitignore', 'extraIgnores', 'other'];
  fc.assert(fc.property(fc.dictionary(fc.constantFrom(...keys), value), (input) => {
    const schema = IndexRules.safeParse(input);
    let plain: ReturnType<typeof indexRulesFrom> | null;
    try { plain = indexRulesFrom(input); } catch { plain = null; }
    assert.deepEqual(plain, schema.success ? schema.data : null);
  }), { numRuns: 500 });
});

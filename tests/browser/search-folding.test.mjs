// static/search.js folds queries and computes their Latin keys exactly as the index builder
// does (src/search/fold.rs, latin.rs): both are checked against tests/search-cases.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const repo = path.resolve(import.meta.dirname, '../..');
const cases = JSON.parse(fs.readFileSync(path.join(repo, 'tests/search-cases.json'), 'utf8'));
const context = vm.createContext({});
vm.runInContext(fs.readFileSync(path.join(repo, 'static/search.js'), 'utf8'), context);
const { fold, words, key, skeleton, firstFile } = vm.runInContext('chunavSearch', context);
const show = (s) => [...s].map((c) => c.codePointAt(0).toString(16)).join(' ');

test('folding matches the shared table', () => {
  for (const [input, want, why] of cases.fold) {
    assert.equal(fold(input), want, `${input} [${show(input)}] (${why}) gave [${show(fold(input))}]`);
  }
});

test('words match the shared table', () => {
  for (const [input, want] of cases.words) assert.deepEqual([...words(fold(input))], want, input);
});

test('keys and skeletons match the shared table', () => {
  for (const [input, want] of cases.key) assert.equal(key(fold(input)), want, input);
  for (const [input, want] of cases.skeleton) assert.equal(skeleton(input), want, input);
  for (const [k, n, want] of cases.first_file) assert.equal(firstFile(k, n), want, `${k} among ${n}`);
});

test('the nukta letters that once became "undefined" fold to their base letters', () => {
  const nukta = '\u0958\u0959\u095a\u095b\u095c\u095d\u095e\u095f';
  assert.equal(fold(nukta), '\u0915\u0916\u0917\u091c\u0921\u0922\u092b\u092f');
  assert.ok(!fold(`${nukta} कानपुर`).includes('undefined'));
});

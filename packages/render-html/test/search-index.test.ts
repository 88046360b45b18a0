import path from 'node:path';
import { compile } from '@dmls/core';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { searchIndexJson } from '../src/search-index-json.js';
import { searchDocuments, searchOptions } from '../src/search-index.js';

const miniSearch = (documents: { id: string }[], options: { fields: string[]; storeFields: string[] }) => {
  const index = new MiniSearch(options);
  index.addAll(documents);
  return JSON.stringify(index);
};

describe('the search index', () => {
  it.each(['tests/fixtures/book', 'content/designing-ml-systems'])('is what MiniSearch itself writes, byte for byte: %s', async (dir) => {
    const { book } = await compile(path.resolve(import.meta.dirname, '../../..', dir), { modified: '2022-05-01T00:00:00Z' });
    const documents = searchDocuments(book!, (ref) => `${ref.chapter}.html${ref.section ? `#${ref.section}` : ''}`, 'glossary.html');
    expect(searchIndexJson(documents, searchOptions)).toBe(miniSearch(documents, searchOptions));
  });

  it('is what MiniSearch writes for awkward text too', () => {
    const documents = [
      { id: 'a', title: 'Data, database and data-base', text: '  leading space… “quotes” — dashes; café CAFÉ Ünïcode 42 4.2 data database datum d a', note: 'x' },
      { id: 'b', title: '', text: '!!! ??? ...' },
      { id: 'c', title: 'Only a title' },
      { id: 'd', title: 'data data data', text: 'databases dat da d' },
    ];
    const options = { fields: ['title', 'text'], storeFields: ['title', 'note'] };
    expect(searchIndexJson(documents, options)).toBe(miniSearch(documents, options));
  });
});

import MiniSearch from 'minisearch';

/**
 * What `JSON.stringify(miniSearch)` gives after `miniSearch.addAll(documents)` (MiniSearch 7's
 * serialisation, version 2), byte for byte, in a third of the time: MiniSearch keeps every term
 * in a radix tree of maps and then copies it into objects to serialise it, which took longer
 * than rendering every chapter page. Here terms are counted in flat maps, and ordered as the
 * tree would list them; a test checks the result against MiniSearch's own.
 */
export function searchIndexJson(documents: readonly { id: string }[], options: { fields: readonly string[]; storeFields: readonly string[] }): string {
  const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
  const processTerm = MiniSearch.getDefault('processTerm') as (term: string) => string;
  const { fields, storeFields } = options;
  /**
   * term → field id → short document ids and occurrences, flat (`[id, count, id, count, …]`), in
   * the order MiniSearch first meets the terms. Documents come in order, so a term's count for the
   * current document is always the last pair.
   */
  const terms = new Map<string, number[][]>();
  const documentIds: Record<number, string> = {};
  const fieldLength: Record<number, number[]> = {};
  const averageFieldLength: number[] = [];
  const storedFields: Record<number, Record<string, unknown>> = {};
  const seen = new Set<string>();
  documents.forEach((document, id) => {
    if (seen.has(document.id)) throw new Error(`MiniSearch: duplicate ID ${document.id}`);
    seen.add(document.id);
    documentIds[id] = document.id;
    const values = document as Record<string, unknown>;
    const stored: Record<string, unknown> = {};
    for (const name of storeFields) if (values[name] !== undefined) stored[name] = values[name];
    storedFields[id] = stored;
    let lengths: number[] | undefined;
    fields.forEach((field, fieldId) => {
      if (values[field] == null) return;
      const tokens = tokenize(String(values[field]));
      lengths ??= fieldLength[id] = [];
      lengths[fieldId] = new Set(tokens).size;
      averageFieldLength[fieldId] = ((averageFieldLength[fieldId] || 0) * id + lengths[fieldId]!) / (id + 1);
      for (const token of tokens) {
        const term = processTerm(token);
        if (!term) continue;
        let byField = terms.get(term);
        if (!byField) terms.set(term, (byField = []));
        const counts = (byField[fieldId] ??= []);
        if (counts[counts.length - 2] === id) counts[counts.length - 1]!++;
        else counts.push(id, 1);
      }
    });
  });
  // Objects list integer keys in ascending order, as these are listed: field ids by index, document
  // ids as they came.
  const index = treeOrder(terms.keys()).map((term) => {
    let data = '';
    terms.get(term)!.forEach((counts, fieldId) => {
      let field = '';
      for (let i = 0; i < counts.length; i += 2) field += `${i === 0 ? '' : ','}"${counts[i]}":${counts[i + 1]}`;
      data += `${data === '' ? '' : ','}"${fieldId}":{${field}}`;
    });
    return `[${JSON.stringify(term)},{${data}}]`;
  });
  const fieldIds = Object.fromEntries(fields.map((field, i) => [field, i]));
  const head = JSON.stringify({ documentCount: documents.length, nextId: documents.length, documentIds, fieldIds, fieldLength, averageFieldLength, storedFields, dirtCount: 0 });
  return `${head.slice(0, -1)},"index":[${index.join(',')}],"serializationVersion":2}`;
}

/** MiniSearch's radix tree: edges to subtrees, and `''` where a term ends. */
type Tree = Map<string, Tree | null>;

/**
 * The terms in the order in which MiniSearch's tree lists them, having received them in this
 * order: it grows edges and splits them as MiniSearch's `createPath` does (a split edge moves to
 * the end of its node), and lists each node's keys last first, as its `TreeIterator` does.
 */
function treeOrder(terms: Iterable<string>): string[] {
  const root: Tree = new Map();
  for (const term of terms) {
    let node = root;
    let pos = 0;
    next: while (pos < term.length) {
      for (const [key, child] of node) {
        if (key === '' || key[0] !== term[pos]) continue;
        const length = Math.min(term.length - pos, key.length);
        let offset = 1;
        while (offset < length && term[pos + offset] === key[offset]) ++offset;
        if (offset === key.length) {
          node = child!;
        } else {
          const split: Tree = new Map([[key.slice(offset), child]]);
          node.set(term.slice(pos, pos + offset), split);
          node.delete(key);
          node = split;
        }
        pos += offset;
        continue next;
      }
      const leaf: Tree = new Map();
      node.set(term.slice(pos), leaf);
      node = leaf;
      break;
    }
    if (!node.has('')) node.set('', null);
  }
  const listed: string[] = [];
  const list = (node: Tree, prefix: string) => {
    const keys = [...node.keys()];
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (key === '') listed.push(prefix);
      else list(node.get(key)!, prefix + key);
    }
  };
  list(root, '');
  return listed;
}

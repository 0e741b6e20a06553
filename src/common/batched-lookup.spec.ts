import { BatchedLookup } from './batched-lookup';

/** A loader whose batches stay open until the test answers them. */
function controlledLoader() {
  const batches: {
    keys: string[];
    answer: (found: Map<string, number>) => void;
    fail: (e: Error) => void;
  }[] = [];
  const lookup = new BatchedLookup<string, number>(
    (keys) =>
      new Promise((resolve, reject) => {
        batches.push({ keys, answer: resolve, fail: reject });
      }),
    3,
  );
  return { lookup, batches };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('BatchedLookup', () => {
  it('reads the keys asked for in one turn with one query, each distinct key once', async () => {
    const { lookup, batches } = controlledLoader();
    const answers = Promise.all([lookup.load('a'), lookup.load('b'), lookup.load('a')]);
    await turn();
    expect(batches.map((batch) => batch.keys)).toEqual([['a', 'b']]);
    batches[0].answer(new Map([['a', 1]]));
    await expect(answers).resolves.toEqual([1, undefined, 1]);
  });

  it('holds keys asked for during a query for the next one, then runs it at once', async () => {
    const { lookup, batches } = controlledLoader();
    const first = lookup.load('a');
    await turn();
    const second = lookup.load('b');
    const third = lookup.load('c');
    await turn();
    expect(batches).toHaveLength(1);
    batches[0].answer(new Map([['a', 1]]));
    await expect(first).resolves.toBe(1);
    await turn();
    expect(batches.map((batch) => batch.keys)).toEqual([['a'], ['b', 'c']]);
    batches[1].answer(
      new Map([
        ['b', 2],
        ['c', 3],
      ]),
    );
    await expect(Promise.all([second, third])).resolves.toEqual([2, 3]);
  });

  it('splits more keys than a batch holds over several queries', async () => {
    const { lookup, batches } = controlledLoader();
    const answers = Promise.all(['a', 'b', 'c', 'd'].map((key) => lookup.load(key)));
    await turn();
    expect(batches.map((batch) => batch.keys)).toEqual([['a', 'b', 'c']]);
    batches[0].answer(new Map([['a', 1]]));
    await turn();
    await turn();
    expect(batches.map((batch) => batch.keys)).toEqual([['a', 'b', 'c'], ['d']]);
    batches[1].answer(new Map([['d', 4]]));
    await expect(answers).resolves.toEqual([1, undefined, undefined, 4]);
  });

  it("rejects only the failed batch's callers and keeps serving the next ones", async () => {
    const { lookup, batches } = controlledLoader();
    const failing = lookup.load('a');
    await turn();
    const later = lookup.load('b');
    batches[0].fail(new Error('connection lost'));
    await expect(failing).rejects.toThrow('connection lost');
    await turn();
    batches[1].answer(new Map([['b', 2]]));
    await expect(later).resolves.toBe(2);
  });

  it('reads a failed batch again key by key, so a refused key fails only its own callers', async () => {
    const { lookup, batches } = controlledLoader();
    const good = lookup.load('a');
    const bad = lookup.load('b');
    await turn();
    batches[0].fail(new Error('invalid byte sequence'));
    await turn();
    expect(batches.slice(1).map((batch) => batch.keys)).toEqual([['a'], ['b']]);
    batches[1].answer(new Map([['a', 1]]));
    batches[2].fail(new Error('invalid byte sequence'));
    await expect(good).resolves.toBe(1);
    await expect(bad).rejects.toThrow('invalid byte sequence');
  });

  it('fails the whole batch at once when the failure says nothing is worth reading again', async () => {
    const batches: string[][] = [];
    const lookup = new BatchedLookup<string, number>(
      (keys) => {
        batches.push(keys);
        return Promise.reject(new Error('connect ECONNREFUSED'));
      },
      3,
      () => false,
    );
    const answers = [lookup.load('a'), lookup.load('b')];
    await expect(answers[0]).rejects.toThrow('ECONNREFUSED');
    await expect(answers[1]).rejects.toThrow('ECONNREFUSED');
    expect(batches).toEqual([['a', 'b']]);
  });
});

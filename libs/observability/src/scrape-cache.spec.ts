import { sharedForScrape } from './scrape-cache.js';

describe('sharedForScrape', () => {
  function source() {
    let time = 0;
    const calls: ((value: number) => void)[] = [];
    const failures: ((error: Error) => void)[] = [];
    const load = () =>
      new Promise<number>((resolve, reject) => {
        calls.push(resolve);
        failures.push(reject);
      });
    return { load, calls, failures, now: () => time, advance: (ms: number) => (time += ms) };
  }

  it('shares one load between the collectors of a scrape', async () => {
    const { load, calls, now } = source();
    const sut = sharedForScrape(load, 0, now);
    const answers = [sut(), sut(), sut()];
    calls[0](7);
    await expect(Promise.all(answers)).resolves.toEqual([7, 7, 7]);
    expect(calls).toHaveLength(1);
  });

  it('keeps an answer for the given time after it arrived, then loads again', async () => {
    const { load, calls, now, advance } = source();
    const sut = sharedForScrape(load, 5000, now);
    const first = sut();
    advance(10_000); // a slow load: the time counts from the answer, not the question
    calls[0](1);
    await first;
    advance(4999);
    await expect(sut()).resolves.toBe(1);
    advance(1);
    const second = sut();
    calls[1](2);
    await expect(second).resolves.toBe(2);
    expect(calls).toHaveLength(2);
  });

  it('does not keep a failure', async () => {
    const { load, calls, failures, now } = source();
    const sut = sharedForScrape(load, 5000, now);
    const failed = sut();
    failures[0](new Error('database down'));
    await expect(failed).rejects.toThrow('database down');
    const retried = sut();
    calls[1](3);
    await expect(retried).resolves.toBe(3);
  });
});

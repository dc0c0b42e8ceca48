import { withRetries } from './import-retry.js';

/** An error shaped as TypeORM's QueryFailedError wraps pg's. */
const queryFailed = (code: string) => Object.assign(new Error('query failed'), { driverError: { code } });

describe('withRetries', () => {
  const policy = { delaysMs: [1, 1, 1] };

  it('tries again while the failure is transient, and returns the first success', async () => {
    let attempts = 0;
    const sut = withRetries(policy, async () => {
      if (++attempts < 3) throw queryFailed('40001');
      return 'done';
    });
    await expect(sut).resolves.toBe('done');
    expect(attempts).toBe(3);
  });

  it.each([
    ['a transient failure, after the last retry', '57014', 4],
    ['any other failure, at once', '23505', 1],
  ])('throws %s', async (_case, code, expectedAttempts) => {
    let attempts = 0;
    const sut = withRetries(policy, async () => {
      attempts++;
      throw queryFailed(code);
    });
    await expect(sut).rejects.toMatchObject({ driverError: { code } });
    expect(attempts).toBe(expectedAttempts);
  });
});

import { centsToDecimal, hashSeed, Random } from './prng.util';

describe('Random', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (random) => () =>
            random.next()
        )(new Random(seed)),
      );
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(hashSeed(1, 2)).not.toBe(hashSeed(2, 1));
  });

  it('stays within bounds', () => {
    const random = new Random(7);
    for (let i = 0; i < 1000; i++) {
      const value = random.int(3, 5);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(5);
      const cents = random.cents(10, 1000);
      expect(cents).toBeGreaterThanOrEqual(1000);
      expect(cents).toBeLessThanOrEqual(100_000);
    }
    expect(random.alnum(12)).toMatch(/^[A-HJ-NP-Z0-9]{12}$/);
  });
});

describe('centsToDecimal', () => {
  it('formats signed cents exactly', () => {
    expect(centsToDecimal(123450)).toBe('1234.50');
    expect(centsToDecimal(-5)).toBe('-0.05');
    expect(centsToDecimal(0)).toBe('0.00');
    expect(centsToDecimal(900719925474099)).toBe('9007199254740.99');
  });
});

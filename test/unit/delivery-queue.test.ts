import { BoundedQueue } from '../../src/session/delivery-queue';

describe('BoundedQueue', () => {
  test('first in, first out', () => {
    const queue = new BoundedQueue<string>(5);
    queue.push('a');
    queue.push('b');
    queue.push('c');
    expect(queue.size).toBe(3);
    expect(queue.shift()).toBe('a');
    expect(queue.shift()).toBe('b');
    queue.push('d');
    expect(queue.shift()).toBe('c');
    expect(queue.shift()).toBe('d');
    expect(queue.shift()).toBeUndefined();
    expect(queue.size).toBe(0);
    expect(queue.dropped).toBe(0);
  });

  test('when full, the oldest is dropped and counted', () => {
    const queue = new BoundedQueue<number>(3);
    for (let i = 1; i <= 5; i++) queue.push(i);
    expect(queue.size).toBe(3);
    expect(queue.dropped).toBe(2);
    expect([queue.shift(), queue.shift(), queue.shift(), queue.shift()]).toEqual([3, 4, 5, undefined]);
    expect(queue.dropped).toBe(2);
  });

  test('capacity 1 keeps only the newest', () => {
    const queue = new BoundedQueue<string>(1);
    queue.push('x');
    queue.push('y');
    expect(queue.dropped).toBe(1);
    expect(queue.shift()).toBe('y');
    expect(queue.shift()).toBeUndefined();
  });

  test('wraps around correctly after many pushes and shifts', () => {
    const capacity = 7;
    const queue = new BoundedQueue<number>(capacity);
    const model: number[] = [];
    let dropped = 0;
    let next = 0;
    let x = 99;
    for (let step = 0; step < 20000; step++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      if (x % 3 !== 0) {
        queue.push(next);
        model.push(next++);
        if (model.length > capacity) {
          model.shift();
          dropped++;
        }
      } else {
        expect(queue.shift()).toBe(model.shift());
      }
      expect(queue.size).toBe(model.length);
    }
    expect(queue.dropped).toBe(dropped);
    expect(dropped).toBeGreaterThan(100);
    const rest: Array<number | undefined> = [];
    while (queue.size > 0) rest.push(queue.shift());
    expect(rest).toEqual(model);
  });

  test('clear empties the queue but keeps the drop count visible', () => {
    const queue = new BoundedQueue<number>(2);
    [1, 2, 3].forEach((n) => queue.push(n));
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.shift()).toBeUndefined();
    expect(queue.dropped).toBe(1);
    queue.push(9);
    expect(queue.shift()).toBe(9);
  });

  test.each([0, -1, 1.5, NaN])('capacity %p is refused', (capacity) => {
    expect(() => new BoundedQueue(capacity)).toThrow(RangeError);
  });
});

import { INestApplicationContext } from '@nestjs/common';
import { shutDown } from './graceful-shutdown';

describe('shutDown', () => {
  const appWithout = () => {
    const get = jest.fn(() => {
      throw new Error('Nest could not find DownloadProcessor element');
    });
    const close = jest.fn(() => Promise.resolve());
    return { app: { get, close } as unknown as INestApplicationContext, get, close };
  };

  it('closes an API whose worker runs elsewhere without looking for the processor', async () => {
    const { app, get, close } = appWithout();
    await shutDown(app, { graceMs: 10, runsWorker: false });
    expect(get).not.toHaveBeenCalled();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('drains the processor before closing a process that runs the worker', async () => {
    const order: string[] = [];
    const processor = { drain: jest.fn(() => Promise.resolve().then(() => order.push('drained'))) };
    const app = {
      get: jest.fn(() => processor),
      close: jest.fn(() => Promise.resolve().then(() => order.push('closed'))),
    } as unknown as INestApplicationContext;
    await shutDown(app, { graceMs: 10 });
    expect(order).toEqual(['drained', 'closed']);
  });
});

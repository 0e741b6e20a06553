import { AppConfig } from '../config/app-config';
import { loggerOptions } from './logger-options';

function transportOf(env: Record<string, string>, terminal: boolean): unknown {
  const options = loggerOptions(new AppConfig(env), terminal).pinoHttp as { transport?: { target: string } };
  return options.transport?.target;
}

describe('loggerOptions', () => {
  it('writes readable lines on a terminal and JSON lines elsewhere by default', () => {
    expect(transportOf({}, true)).toBe('pino-pretty');
    expect(transportOf({}, false)).toBeUndefined();
  });

  it('follows an explicit LOG_FORMAT whatever the output is', () => {
    expect(transportOf({ LOG_FORMAT: 'json' }, true)).toBeUndefined();
    expect(transportOf({ LOG_FORMAT: 'pretty' }, false)).toBe('pino-pretty');
  });

  it('refuses an unknown LOG_FORMAT at start', () => {
    expect(() => new AppConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});

import { readExtrasConfig } from '../config/extras-config';
import { callbackUrlError } from './callback-url.rule';

describe('callback_url rule', () => {
  const on = readExtrasConfig({
    CALLBACK_ALLOWED_HOSTS: 'hooks.example.org, 127.0.0.1:9000',
    CALLBACK_SECRET: 'k',
  });

  it('accepts http(s) URLs on allowed hosts (a bare host allows any port, host:port only that one)', () => {
    expect(callbackUrlError('https://hooks.example.org/done?x=1', on)).toBeNull();
    expect(callbackUrlError('http://HOOKS.example.org:8443/done', on)).toBeNull();
    expect(callbackUrlError('http://127.0.0.1:9000/cb', on)).toBeNull();
  });

  it('refuses other hosts, ports, schemes, credentials and non-strings', () => {
    expect(callbackUrlError('http://127.0.0.1:9001/cb', on)).toBe(
      'callback_url host 127.0.0.1:9001 is not allowed on this server.',
    );
    expect(callbackUrlError('https://evil.example.org/', on)).toMatch(/not allowed/);
    expect(callbackUrlError('https://hooks.example.org.evil.net/', on)).toMatch(/not allowed/);
    expect(callbackUrlError('ftp://hooks.example.org/', on)).toMatch(/http or https/);
    expect(callbackUrlError('/relative', on)).toMatch(/http or https/);
    expect(callbackUrlError('https://u:p@hooks.example.org/', on)).toMatch(/credentials/);
    expect(callbackUrlError(42, on)).toMatch(/non-empty string/);
  });

  it('refuses every callback_url when callbacks are not configured', () => {
    expect(callbackUrlError('https://hooks.example.org/', readExtrasConfig({}))).toMatch(/not configured/);
  });

  it('needs a secret with the allowed hosts', () => {
    expect(() => readExtrasConfig({ CALLBACK_ALLOWED_HOSTS: 'a.example' })).toThrow(/CALLBACK_SECRET/);
  });
});

import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createProvider, type ProviderConfig, parseProviderConfig } from './index.ts';

describe('createProvider', () => {
  it('builds the provider of each configured kind without connecting to anything', async () => {
    let connections = 0;
    const listener = createServer(() => connections++).listen(0, '127.0.0.1');
    await once(listener, 'listening');
    const port = (listener.address() as AddressInfo).port;
    const configs: unknown[] = [
      { kind: 'smtp', host: '127.0.0.1', port, secure: false, from: 'no-reply@riza.example' },
      { kind: 'smpp', host: '127.0.0.1', port, systemId: 'riza', password: 'pw', sourceAddr: '1234' },
      {
        kind: 'http',
        url: `http://127.0.0.1:${port}/`,
        method: 'POST',
        bodyTemplate: '{to} {text}',
        contentType: 'text/plain',
      },
    ];
    for (const json of configs) {
      const parsed = parseProviderConfig(json);
      expect(parsed.ok).toBe(true);
      const config = (parsed as { config: ProviderConfig }).config;
      const provider = createProvider(config);
      expect(provider.kind).toBe(config.kind);
      await provider.close();
    }
    await new Promise((resolve) => listener.close(resolve));
    expect(connections).toBe(0);
  });
});

// Delivery providers for notifications: build one from an org's stored configuration.
import type { ProviderConfig } from './config.ts';
import { HttpGatewayProvider } from './http-gateway.ts';
import { SmppProvider } from './smpp.ts';
import { SmtpProvider } from './smtp.ts';
import type { Provider } from './types.ts';

export interface ProviderOptions {
  /** Network timeout for connecting and for each answer. */
  timeoutMs?: number;
  /** SMPP keep-alive period. */
  enquireLinkMs?: number;
}

/** Builds the provider; nothing connects until the first send. Call close() when done. */
export function createProvider(config: ProviderConfig, options: ProviderOptions = {}): Provider {
  switch (config.kind) {
    case 'smtp':
      return new SmtpProvider(config, options);
    case 'smpp':
      return new SmppProvider(config, options);
    case 'http':
      return new HttpGatewayProvider(config, options);
  }
}

export {
  type HttpConfig,
  type ParsedProviderConfig,
  type ProviderConfig,
  parseProviderConfig,
  REDACTED,
  redactProviderConfig,
  type SmppConfig,
  type SmtpConfig,
} from './config.ts';
export { countSegments, isGsm7 } from './sms-encoding.ts';
export {
  type DeliveryResult,
  type OutboundAttachment,
  type OutboundMessage,
  type Provider,
  ProviderError,
} from './types.ts';

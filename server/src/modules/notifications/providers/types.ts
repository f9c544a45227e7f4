// What the notification dispatcher hands to a delivery provider, and how a provider fails.
// A provider only delivers; retries, scheduling and recording attempts belong to the caller.

export interface OutboundAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutboundMessage {
  /** Our notification id: the idempotency key and the reference a provider sends along. */
  id: string;
  channel: 'email' | 'sms';
  /** An e-mail address, or an E.164 phone number (`+962791234567`). */
  to: string;
  subject?: string;
  text: string;
  html?: string;
  attachments?: OutboundAttachment[];
}

export interface DeliveryResult {
  /** The id the provider gave the message (SMTP Message-ID, SMSC message ids joined by commas). */
  providerMessageId?: string;
  /** SMS parts the text was sent in (what the operator bills). */
  segments?: number;
}

export interface Provider {
  readonly kind: string;
  send(msg: OutboundMessage): Promise<DeliveryResult>;
  close(): Promise<void>;
}

/**
 * A failed delivery. `permanent` means sending the same message again will fail the same way
 * (rejected recipient, refused credentials, a 4xx other than 429); otherwise retry later.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const permanentError = (message: string, cause?: unknown) =>
  new ProviderError(message, true, { cause });
export const transientError = (message: string, cause?: unknown) =>
  new ProviderError(message, false, { cause });

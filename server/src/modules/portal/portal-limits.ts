// Abuse limits of the public portal in one place, so docs/portal.md and the tests name the same
// numbers. Per-IP and per-phone limits are PostgreSQL fixed windows (shared by every API process);
// per-case and per-code limits are counted on the rows themselves.
export const PORTAL_LIMITS = {
  /** new cases from one IP address per hour */
  submitPerIp: { limit: 20, windowSeconds: 3600 },
  /** new cases naming one phone number per hour, whatever the address */
  submitPerPhone: { limit: 5, windowSeconds: 3600 },
  /** tracking-code requests from one IP address per 15 minutes */
  trackPerIp: { limit: 10, windowSeconds: 900 },
  /** code verifications from one IP address per 15 minutes */
  verifyPerIp: { limit: 20, windowSeconds: 900 },
  /** replies and uploads from one IP address per hour */
  writePerIp: { limit: 30, windowSeconds: 3600 },
  /** survey answers from one IP address per hour */
  surveyPerIp: { limit: 20, windowSeconds: 3600 },
  /** codes sent for one case per hour (silently not sent beyond: the answer must not differ) */
  codesPerCasePerHour: 3,
  /** guesses allowed on one code, the right one included */
  attemptsPerCode: 5,
  codeTtlMinutes: 10,
  sessionTtlMinutes: 30,
  /** files a customer may add to one case through the portal */
  attachmentsPerCase: 10,
} as const;

import { createContext, useContext } from 'react';
import type { PortalInfo } from './portal-api.ts';

/** The organisation whose portal this is (its slug from the address) and its public description. */
export interface PortalContextValue {
  slug: string;
  info: PortalInfo;
  /** `/portal/{slug}`, the base of the portal's own links */
  base: string;
}

export const PortalContext = createContext<PortalContextValue | null>(null);

export function usePortal(): PortalContextValue {
  const value = useContext(PortalContext);
  if (!value) throw new Error('usePortal outside the portal');
  return value;
}

// When a web chat is staffed: the inbox's own calendar, else its department's, else the org's
// default one. Outside those hours the widget offers the complaint form and says when the team is back.
import type { DbOrTrx } from '../../../platform/db/db.ts';
import { isOpen, nextOpening } from '../../calendar/business-time.ts';
import { calendarForDepartment, getCalendarById } from '../../sla/sla.repository.ts';
import type { ChatChannel } from './chat.repository.ts';

export interface ChatHours {
  open: boolean;
  /** when closed: the next moment the team is there (null when the calendar never opens) */
  nextOpening: Date | null;
  /** the calendar's zone, so the widget can say "back at 08:00" in the team's local time */
  timezone: string | null;
}

export async function chatHours(db: DbOrTrx, channel: ChatChannel, now: Date): Promise<ChatHours> {
  const cal = channel.calendarId
    ? await getCalendarById(db, channel.org.orgId, channel.calendarId)
    : await calendarForDepartment(db, channel.org.orgId, channel.departmentId);
  // no calendar at all: a channel nobody restricted is always staffed
  if (!cal) return { open: true, nextOpening: null, timezone: null };
  if (isOpen(cal.spec, now)) return { open: true, nextOpening: null, timezone: cal.spec.timezone };
  let next: Date | null = null;
  try {
    next = nextOpening(cal.spec, now);
  } catch {
    // a calendar with no working time ahead: closed, with no date to promise
  }
  return { open: false, nextOpening: next, timezone: cal.spec.timezone };
}

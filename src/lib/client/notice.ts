// The site's one notice area (AppStatus) takes lines from any widget by an
// event, so a widget needs no reference to it: `sop:<what>`, as other site events.
import { SITE_EVENTS } from './events';

export const NOTICE_EVENT = SITE_EVENTS.notice;

export interface NoticeDetail {
  text: string;
  /** Milliseconds for passing news; 0 or absent: stays until closed. */
  hideAfter?: number;
}

/** Shows a line in the notice area once AppStatus is on the page (scripts may run in any order). */
export async function announce(detail: NoticeDetail): Promise<void> {
  await customElements.whenDefined('app-status');
  document.dispatchEvent(new CustomEvent<NoticeDetail>(NOTICE_EVENT, { detail }));
}

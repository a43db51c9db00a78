/**
 * The UI events the add-on raised (sidebars, dialogs, alerts, prompts, toasts) as the workbench's page
 * shows them to a person: a sidebar or dialog by the URL that serves its HTML.
 */
import type { RecordedUiEvent } from '../../runtime/host/services/ui-recorder';

export /** The UI events a person sees, as the browser shows them (sidebars and dialogs by URL). */
function eventView(event: RecordedUiEvent, user: string): Record<string, unknown> | null {
  const page = `/wb/ui/${event.seq}?user=${encodeURIComponent(user)}`;
  switch (event.kind) {
    case 'sidebar':
      return { seq: event.seq, kind: 'sidebar', title: event.title, width: event.width, url: page };
    case 'dialog':
      return {
        seq: event.seq,
        kind: 'dialog',
        title: event.title,
        modal: event.modal,
        width: event.width,
        height: event.height,
        url: page,
      };
    case 'alert':
      return {
        seq: event.seq,
        kind: 'alert',
        title: event.title,
        prompt: event.prompt,
        buttons: event.buttons,
        response: event.response,
      };
    case 'prompt':
      return {
        seq: event.seq,
        kind: 'prompt',
        title: event.title,
        prompt: event.prompt,
        buttons: event.buttons,
        response: event.response,
        text: event.text,
      };
    case 'toast':
      return {
        seq: event.seq,
        kind: 'toast',
        title: event.title,
        message: event.message,
        timeoutSeconds: event.timeoutSeconds,
      };
    default:
      return null;
  }
}
